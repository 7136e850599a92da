import type { Bin, BinRequest, NewBinRequest } from '../../domain/bins.js';

/** Bin table rows as SQLite returns them, and their mapping to domain records. */

export { toBin, type BinRow } from '../shared-rows.js';

export const binParams = (b: Bin) => ({
  id: b.id,
  app_id: b.appId,
  response_status: b.response.status,
  response_body: b.response.body,
  response_content_type: b.response.contentType,
  response_delay_ms: b.response.delayMs,
  request_limit: b.requestLimit,
  created_at: b.createdAt,
  expires_at: b.expiresAt,
});

export interface BinRequestRow {
  id: number;
  bin_id: string;
  method: string;
  path: string;
  query: string;
  headers: string;
  body: Buffer;
  body_size: number;
  body_truncated: number;
  remote_address: string;
  received_at: number;
}

export const toBinRequest = (r: BinRequestRow): BinRequest => ({
  id: r.id,
  binId: r.bin_id,
  method: r.method,
  path: r.path,
  query: r.query,
  headers: JSON.parse(r.headers),
  body: r.body,
  bodySize: r.body_size,
  bodyTruncated: r.body_truncated === 1,
  remoteAddress: r.remote_address,
  receivedAt: r.received_at,
});

export const binRequestParams = (r: NewBinRequest) => ({
  bin_id: r.binId,
  method: r.method,
  path: r.path,
  query: r.query,
  headers: JSON.stringify(r.headers),
  body: r.body,
  body_size: r.bodySize,
  body_truncated: r.bodyTruncated ? 1 : 0,
  remote_address: r.remoteAddress,
  received_at: r.receivedAt,
});
