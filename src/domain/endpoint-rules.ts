import type { ErrorDetail } from '../lib/errors.js';
import { isValidFilterPattern } from './event-filter.js';
import type { RetryPolicy } from './types.js';

/** Headers Hookline owns on the wire; an endpoint may not override them. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'content-type',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'x-viber-content-signature',
  'signature',
]);

/** Absolute http(s) URL, no credentials; returns the problem or null. */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not an absolute URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `scheme ${url.protocol} is not http or https`;
  if (url.username || url.password) return 'credentials in the URL are not allowed; use headers';
  return null;
}

// RFC 9110 token characters; values may hold tabs but no other control character (CR, LF, NUL...).
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,256}$/;
const BAD_VALUE = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** Header names and values that would be refused on the wire (and so fail every delivery). */
function headerProblems(headers: Record<string, string>): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(headers)) {
    const field = `headers.${name}`;
    const lower = name.toLowerCase();
    if (!HEADER_NAME.test(name))
      out.push({ field, message: 'not a valid header name (1-256 token characters)' });
    else if (RESERVED_HEADERS.has(lower))
      out.push({ field, message: 'this header is set by Hookline' });
    else if (seen.has(lower))
      out.push({ field, message: 'repeats a header name (names ignore case)' });
    else if (BAD_VALUE.test(value))
      out.push({ field, message: 'must not contain control characters (CR, LF, NUL, ...)' });
    seen.add(lower);
  }
  return out;
}

export interface EndpointSettingsInput {
  url?: string;
  filterTypes?: string[] | null;
  headers?: Record<string, string>;
  retryPolicy?: RetryPolicy;
}

/** Checks beyond the JSON schema; every problem names its field. */
export function endpointProblems(input: EndpointSettingsInput): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (input.url !== undefined) {
    const problem = urlProblem(input.url);
    if (problem) out.push({ field: 'url', message: problem });
  }
  input.filterTypes?.forEach((p, i) => {
    if (!isValidFilterPattern(p))
      out.push({
        field: `filterTypes[${i}]`,
        message: `"${p}" is not an event type or a "prefix.*" pattern`,
      });
  });
  out.push(...headerProblems(input.headers ?? {}));
  const policy = input.retryPolicy;
  if (policy) {
    if (policy.preset === 'custom' && !policy.waitsMs)
      out.push({ field: 'retryPolicy.waitsMs', message: 'required with preset "custom"' });
    if (policy.preset !== 'custom' && policy.waitsMs)
      out.push({ field: 'retryPolicy.waitsMs', message: 'only allowed with preset "custom"' });
  }
  return out;
}
