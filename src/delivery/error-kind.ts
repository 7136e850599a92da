import type { ErrorKind } from '../domain/types.js';
import { EGRESS_REFUSED } from './address-guard.js';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
  'ABORT_ERR',
]);

function codeOf(error: unknown): string | undefined {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && !e.code.startsWith('UND_ERR_SOCKET')) return e.code;
    const inner = codeOf(e.cause);
    if (inner) return inner;
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/** Maps a transport error (undici, net, tls, dns) to the attempt's error kind. */
export function classifyError(error: unknown): ErrorKind {
  const code = codeOf(error) ?? '';
  const name = error instanceof Error ? error.name : '';
  if (code === EGRESS_REFUSED) return 'blocked';
  if (name === 'AbortError' || name === 'TimeoutError' || TIMEOUT_CODES.has(code)) return 'timeout';
  if (DNS_CODES.has(code)) return 'dns';
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME_MISMATCH/.test(code)) return 'tls';
  return 'connection';
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = codeOf(error);
  const cause = (error as { cause?: unknown }).cause;
  const detail =
    cause instanceof Error && cause.message !== error.message ? `: ${cause.message}` : '';
  return `${code ? `${code} ` : ''}${error.message}${detail}`.slice(0, 500);
}
