import type { Bin } from '../domain/bins.js';
import { badRequest, type ErrorDetail } from '../lib/errors.js';
import { BIN_LIMITS } from './bin-limits.js';

/** Settings a caller may give when creating or changing a bin; absent = default (create) or unchanged. */
export interface BinOptions {
  responseStatus?: number;
  responseBody?: string;
  responseContentType?: string;
  responseDelayMs?: number;
  requestLimit?: number;
  expiresInSeconds?: number;
}

/** 1xx is not a final answer; 204, 205 and 304 cannot carry a body. */
const BODYLESS_STATUSES = new Set([204, 205, 304]);

/** Checks that ranges (enforced by the API schema) cannot: the combination of fields. */
function problems(bin: Bin, options: BinOptions): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const { status, body, contentType } = bin.response;
  if (BODYLESS_STATUSES.has(status) && body !== '') {
    const field = options.responseBody !== undefined ? 'responseBody' : 'responseStatus';
    out.push({ field, message: `status ${status} cannot carry a body; leave responseBody empty` });
  }
  if (/[\r\n]/.test(contentType))
    out.push({ field: 'responseContentType', message: 'must not contain line breaks' });
  return out;
}

function assertValid(bin: Bin, options: BinOptions): Bin {
  const found = problems(bin, options);
  if (found.length > 0) throw badRequest(`${found[0].field}: ${found[0].message}`, found);
  return bin;
}

/** A new bin from the caller's options, defaults filled in. */
export function newBin(id: string, appId: string | null, now: number, options: BinOptions): Bin {
  const bin: Bin = {
    id,
    appId,
    response: {
      status: options.responseStatus ?? BIN_LIMITS.defaultStatus,
      body: options.responseBody ?? BIN_LIMITS.defaultBody,
      contentType: options.responseContentType ?? BIN_LIMITS.defaultContentType,
      delayMs: options.responseDelayMs ?? 0,
    },
    requestLimit: options.requestLimit ?? BIN_LIMITS.defaultRequestLimit,
    createdAt: now,
    expiresAt: now + (options.expiresInSeconds ?? BIN_LIMITS.defaultExpiresInSeconds) * 1000,
  };
  return assertValid(bin, options);
}

/** The bin with the given options changed; `expiresInSeconds` counts from `now`. */
export function changedBin(bin: Bin, now: number, options: BinOptions): Bin {
  const next: Bin = {
    ...bin,
    response: {
      status: options.responseStatus ?? bin.response.status,
      body: options.responseBody ?? bin.response.body,
      contentType: options.responseContentType ?? bin.response.contentType,
      delayMs: options.responseDelayMs ?? bin.response.delayMs,
    },
    requestLimit: options.requestLimit ?? bin.requestLimit,
    expiresAt:
      options.expiresInSeconds === undefined
        ? bin.expiresAt
        : now + options.expiresInSeconds * 1000,
  };
  return assertValid(next, options);
}
