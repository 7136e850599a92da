import type { Bin, BinRequest } from '../../domain/bins.js';

/** Bin table rows as PostgreSQL returns them, and their mapping to domain records. */

export { toBin, type BinRow } from '../shared-rows.js';

export const BIN_COLUMNS = [
  'id',
  'app_id',
  'response_status',
  'response_body',
  'response_content_type',
  'response_delay_ms',
  'request_limit',
  'created_at',
  'expires_at',
];

export interface RequestRow {
  id: number;
  bin_id: string;
  method: string;
  path: string;
  query: string;
  headers: string;
  body: Buffer;
  body_size: number;
  body_truncated: boolean;
  remote_address: string;
  received_at: number;
}

export const binValues = (b: Bin) => [
  b.id,
  b.appId,
  b.response.status,
  b.response.body,
  b.response.contentType,
  b.response.delayMs,
  b.requestLimit,
  b.createdAt,
  b.expiresAt,
];

export const toRequest = (r: RequestRow): BinRequest => ({
  id: r.id,
  binId: r.bin_id,
  method: r.method,
  path: r.path,
  query: r.query,
  headers: JSON.parse(r.headers),
  body: r.body,
  bodySize: r.body_size,
  bodyTruncated: r.body_truncated,
  remoteAddress: r.remote_address,
  receivedAt: r.received_at,
});
