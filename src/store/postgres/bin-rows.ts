import type { Bin, BinRequest } from '../../domain/bins.js';

/** Bin table rows as PostgreSQL returns them, and their mapping to domain records. */

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

export interface BinRow {
  id: string;
  app_id: string | null;
  response_status: number;
  response_body: string;
  response_content_type: string;
  response_delay_ms: number;
  request_limit: number;
  created_at: number;
  expires_at: number;
}

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

export const toBin = (r: BinRow): Bin => ({
  id: r.id,
  appId: r.app_id,
  response: {
    status: r.response_status,
    body: r.response_body,
    contentType: r.response_content_type,
    delayMs: r.response_delay_ms,
  },
  requestLimit: r.request_limit,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

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
