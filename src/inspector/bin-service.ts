import type { Bin, BinRequest, NewBinRequest } from '../domain/bins.js';
import type { Page } from '../domain/types.js';
import type { Clock } from '../lib/clock.js';
import { HooklineError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { BinStore } from '../store/bin-store.js';
import type { ListQuery } from '../store/store.js';
import type { BinEvents } from './bin-events.js';
import { BIN_LIMITS } from './bin-limits.js';
import { changedBin, newBin, type BinOptions } from './bin-options.js';

/** Tries of a bin update that keeps losing to concurrent ones before it gives up with a 409. */
const UPDATE_ATTEMPTS = 64;

/** Who is asking: an app sees its own bins; the admin (appId null) sees every bin. */
export interface Viewer {
  appId: string | null;
}

export type CaptureResult =
  | { kind: 'captured'; bin: Bin; request: BinRequest }
  | { kind: 'expired'; bin: Bin }
  | { kind: 'unknown' };

export interface BinServiceDeps {
  store: BinStore;
  clock: Clock;
  events: BinEvents;
}

export const isExpired = (bin: Bin, now: number): boolean => now >= bin.expiresAt;

/** Bins and their captured requests: creation with caps, visibility per app, capture, expiry. */
export class BinService {
  constructor(private readonly deps: BinServiceDeps) {}

  get events(): BinEvents {
    return this.deps.events;
  }

  async create(owner: string | null, options: BinOptions): Promise<Bin> {
    const now = this.deps.clock.now();
    await this.deps.store.purgeExpiredBins(now - BIN_LIMITS.purgeAfterExpiryMs);
    const bin = newBin(newId('bin', now), owner, now, options);
    const created = await this.deps.store.createBin(bin, {
      maxLivePerApp: BIN_LIMITS.maxLiveBinsPerApp,
      now,
    });
    if (!created) {
      throw new HooklineError(
        'bin_limit_reached',
        `app ${owner} already has ${BIN_LIMITS.maxLiveBinsPerApp} live bins; delete one or wait for one to expire`,
      );
    }
    return created;
  }

  /** The bin, if the viewer may see it; another app's bin is a 404 like an unknown one. */
  async get(viewer: Viewer, id: string): Promise<Bin> {
    const bin = await this.deps.store.getBin(id);
    if (!bin || (viewer.appId !== null && bin.appId !== viewer.appId)) throw notFound('bin', id);
    return bin;
  }

  /** An app lists its own bins; the admin lists all, or one app's (`appId`), or the unowned (null). */
  async list(
    viewer: Viewer,
    appId: string | null | undefined,
    query: ListQuery,
  ): Promise<Page<Bin>> {
    await this.deps.store.purgeExpiredBins(this.deps.clock.now() - BIN_LIMITS.purgeAfterExpiryMs);
    const filter = viewer.appId !== null ? { appId: viewer.appId } : { appId };
    return this.deps.store.listBins(filter, query);
  }

  /**
   * Changes only the settings given: the write is conditional on the settings read, and one that
   * lost to a concurrent change is made again on a fresh read, so concurrent PATCHes all land.
   */
  async update(viewer: Viewer, id: string, options: BinOptions): Promise<Bin> {
    for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
      const current = await this.get(viewer, id);
      const next = changedBin(current, this.deps.clock.now(), options);
      const saved = await this.deps.store.updateBin(next, current);
      if (saved) return saved;
    }
    throw new HooklineError(
      'update_conflict',
      `bin ${id} kept changing while this update was applied; try again`,
    );
  }

  async delete(viewer: Viewer, id: string): Promise<void> {
    await this.get(viewer, id);
    if (!(await this.deps.store.deleteBin(id))) throw notFound('bin', id);
    this.deps.events.publish(id, { kind: 'deleted' });
  }

  async requestCount(bin: Bin): Promise<number> {
    return this.deps.store.countRequests(bin.id);
  }

  async listRequests(viewer: Viewer, binId: string, query: ListQuery): Promise<Page<BinRequest>> {
    await this.get(viewer, binId);
    return this.deps.store.listRequests(binId, query);
  }

  async getRequest(
    viewer: Viewer,
    binId: string,
    requestId: number,
  ): Promise<{ bin: Bin; request: BinRequest }> {
    const bin = await this.get(viewer, binId);
    const request = await this.deps.store.getRequest(binId, requestId);
    if (!request) throw notFound('request', String(requestId));
    return { bin, request };
  }

  async deleteRequest(viewer: Viewer, binId: string, requestId: number): Promise<void> {
    await this.get(viewer, binId);
    if (!(await this.deps.store.deleteRequest(binId, requestId)))
      throw notFound('request', String(requestId));
  }

  async clearRequests(viewer: Viewer, binId: string): Promise<number> {
    await this.get(viewer, binId);
    return this.deps.store.clearRequests(binId);
  }

  /** Stores a request sent to the bin's public URL, unless the bin is unknown or expired. */
  async capture(request: NewBinRequest): Promise<CaptureResult> {
    const bin = await this.deps.store.getBin(request.binId);
    if (!bin) return { kind: 'unknown' };
    if (isExpired(bin, request.receivedAt)) return { kind: 'expired', bin };
    const stored = await this.deps.store.insertRequest(request, bin.requestLimit);
    if (!stored) return { kind: 'unknown' };
    this.deps.events.publish(bin.id, { kind: 'captured', requestId: stored.id });
    return { kind: 'captured', bin, request: stored };
  }
}
