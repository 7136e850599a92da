import { isUtf8 } from 'node:buffer';
import type { BinRequest } from '../domain/bins.js';
import { eventHint } from './event-hint.js';

/** The public path a bin captures under. */
export const binPath = (binId: string): string => `/in/${binId}`;

/**
 * A captured request as the API and the live stream show it. The body is text when its bytes are
 * valid UTF-8, base64 otherwise (`bodyEncoding` says which), so binary bodies survive JSON.
 */
export function binRequestJson(r: BinRequest) {
  const prefix = binPath(r.binId);
  const text = isUtf8(r.body);
  return {
    id: r.id,
    binId: r.binId,
    method: r.method,
    path: r.path,
    /** What followed the bin id in the path ('' or '/...'): `hookline listen` appends it to its target. */
    subpath: r.path.startsWith(prefix) ? r.path.slice(prefix.length) : '',
    query: r.query,
    headers: r.headers,
    body: text ? r.body.toString('utf8') : r.body.toString('base64'),
    bodyEncoding: text ? ('utf8' as const) : ('base64' as const),
    bodySize: r.bodySize,
    bodyTruncated: r.bodyTruncated,
    remoteAddress: r.remoteAddress,
    receivedAt: new Date(r.receivedAt).toISOString(),
    eventType: eventHint(r),
  };
}

export type BinRequestJson = ReturnType<typeof binRequestJson>;
