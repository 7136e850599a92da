import type { Bin, BinRequest, NewBinRequest } from '../domain/bins.js';
import type { Page } from '../domain/types.js';
import type { ListQuery } from './list-query.js';

/** Which bins a list returns: one app's, the ones owned by no app (null), or all (undefined). */
export interface BinFilter {
  appId?: string | null;
}

export interface CreateBinLimits {
  /** Bins of one app that have not expired at `now`; creating one more is refused. */
  maxLivePerApp: number;
  now: number;
}

/**
 * Persistence of bins and their captured requests, in domain terms. Part of the `Store` contract
 * as `store.bins`. Deleting an app deletes its bins; deleting a bin deletes its requests.
 */
export interface BinStore {
  /** One transaction: counts the app's live bins and inserts; null when the app is at its cap. */
  createBin(bin: Bin, limits: CreateBinLimits): Promise<Bin | null>;
  getBin(id: string): Promise<Bin | null>;
  /** Newest first. */
  listBins(filter: BinFilter, query: ListQuery): Promise<Page<Bin>>;
  /**
   * Replaces the mutable fields (response, requestLimit, expiresAt) only while they are still as in
   * `read` (those settings are the bin's version); null when they changed meanwhile or the bin is gone.
   */
  updateBin(bin: Bin, read: Bin): Promise<Bin | null>;
  /** Deletes the bin and its requests. */
  deleteBin(id: string): Promise<boolean>;
  /** Deletes bins that expired before `before`, with their requests; returns how many bins. */
  purgeExpiredBins(before: number): Promise<number>;

  /**
   * One transaction: stores the request and drops the bin's oldest requests past `limit`. Returns
   * the stored request, or null when the bin does not exist (deleted meanwhile).
   */
  insertRequest(request: NewBinRequest, limit: number): Promise<BinRequest | null>;
  getRequest(binId: string, id: number): Promise<BinRequest | null>;
  /** Newest first. */
  listRequests(binId: string, query: ListQuery): Promise<Page<BinRequest>>;
  /** Requests with an id above `afterId`, oldest first, at most `limit` (a live stream catching up). */
  requestsAfter(binId: string, afterId: number, limit: number): Promise<BinRequest[]>;
  /** The id of the bin's newest request, 0 when it has none. */
  latestRequestId(binId: string): Promise<number>;
  countRequests(binId: string): Promise<number>;
  deleteRequest(binId: string, id: number): Promise<boolean>;
  /** Deletes every request of the bin; returns how many. */
  clearRequests(binId: string): Promise<number>;
}
