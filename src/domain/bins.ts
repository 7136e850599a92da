/** Bins: inspector URLs that capture whatever is sent to them. Times are epoch milliseconds. */

/** What a bin answers to every captured request. */
export interface BinResponse {
  /** 200-599. */
  status: number;
  body: string;
  contentType: string;
  /** Waits this long before answering (to try a sender's timeout); 0 = at once. */
  delayMs: number;
}

export interface Bin {
  id: string;
  /** The app that owns the bin; null for bins the admin created for no app. */
  appId: string | null;
  response: BinResponse;
  /** Requests kept; past it the oldest are dropped. */
  requestLimit: number;
  createdAt: number;
  /** From then on the capture URL answers 410. */
  expiresAt: number;
}

/** One captured request, as received. */
export interface BinRequest {
  /** Increases with every capture, across bins, and is never reused (live stream position). */
  id: number;
  binId: string;
  method: string;
  /** The full request path as sent (not decoded), without the query. */
  path: string;
  /** The raw query string without `?`; empty when none. */
  query: string;
  /** Header name/value pairs in the order received, repeated names kept, names as sent. */
  headers: Array<[string, string]>;
  /** The body bytes, up to the capture cap. */
  body: Buffer;
  /** Size of the whole body as sent, even when only part was kept. */
  bodySize: number;
  bodyTruncated: boolean;
  remoteAddress: string;
  receivedAt: number;
}

export type NewBinRequest = Omit<BinRequest, 'id'>;
