import { segmentsToPath } from '../violations/json-path.js';
import type { Violation } from '../violations/violation.js';

/** The header that carries a connection's token on every invocation (documented in docs/bots.md). */
export const TOKEN_HEADER = 'x-hookline-token';

/** Headers Hookline sets itself (framing, body type, token): a connection may not override them. */
const RESERVED = new Set([
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'expect',
  'te',
  'trailer',
  TOKEN_HEADER,
]);

// RFC 9110 token characters.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,256}$/;
const BAD_VALUE = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** Header names and values that would be refused on the wire or clash with what Hookline sends. */
export function headerViolations(
  headers: Record<string, unknown>,
  hasBasicAuth: boolean,
): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(headers)) {
    const path = segmentsToPath(['headers', name]);
    const lower = name.toLowerCase();
    if (!HEADER_NAME.test(name)) {
      out.push({
        path,
        limit: 'a header name of 1-256 token characters',
        message: `${path} is not a valid header name`,
      });
    } else if (RESERVED.has(lower) || (hasBasicAuth && lower === 'authorization')) {
      out.push({
        path,
        limit: 'not a header Hookline sets',
        message: `${path} is set by Hookline and cannot be overridden`,
      });
    } else if (seen.has(lower)) {
      out.push({
        path,
        limit: 'unique header names',
        message: `${path} repeats a header name (names ignore case)`,
      });
    } else if (typeof value === 'string' && BAD_VALUE.test(value)) {
      out.push({
        path,
        limit: 'no control characters',
        message: `${path} must not contain control characters`,
      });
    }
    seen.add(lower);
  }
  return out;
}
