import type { Bin } from '../domain/bins.js';
import { isExpired } from '../inspector/bin-service.js';
import { binPath } from '../inspector/request-json.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** The public capture URL of a bin. */
export const binUrl = (publicUrl: string, binId: string): string =>
  `${publicUrl.replace(/\/+$/, '')}${binPath(binId)}`;

export const binJson = (bin: Bin, publicUrl: string, now: number, requestCount: number) => ({
  id: bin.id,
  url: binUrl(publicUrl, bin.id),
  appId: bin.appId,
  responseStatus: bin.response.status,
  responseBody: bin.response.body,
  responseContentType: bin.response.contentType,
  responseDelayMs: bin.response.delayMs,
  requestLimit: bin.requestLimit,
  requestCount,
  createdAt: iso(bin.createdAt),
  expiresAt: iso(bin.expiresAt),
  expired: isExpired(bin, now),
});
