import type { NewBinRequest } from '../domain/bins.js';
import type { CappedBody } from './body-reader.js';

/** A request as it arrived at /in/:binId/..., before it is stored. */
export interface RawCapture {
  binId: string;
  method: string;
  /** The request target as sent: path and query, not decoded. */
  url: string;
  /** Node's flat [name, value, name, value, ...] list: order, case and repeats as received. */
  rawHeaders: string[];
  body: CappedBody | null;
  remoteAddress: string;
  now: number;
}

export function headerPairs(rawHeaders: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) pairs.push([rawHeaders[i], rawHeaders[i + 1]]);
  return pairs;
}

export function toNewBinRequest(raw: RawCapture): NewBinRequest {
  const mark = raw.url.indexOf('?');
  return {
    binId: raw.binId,
    method: raw.method,
    path: mark === -1 ? raw.url : raw.url.slice(0, mark),
    query: mark === -1 ? '' : raw.url.slice(mark + 1),
    headers: headerPairs(raw.rawHeaders),
    body: raw.body?.body ?? Buffer.alloc(0),
    bodySize: raw.body?.size ?? 0,
    bodyTruncated: raw.body?.truncated ?? false,
    remoteAddress: raw.remoteAddress,
    receivedAt: raw.now,
  };
}

/** The first value of a header, by case-insensitive name. */
export function headerValue(headers: Array<[string, string]>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}
