import type { ErrorDetail } from '../lib/errors.js';
import { isValidFilterPattern } from './event-filter.js';
import { parseKeyPath } from './ordering-key.js';
import { payloadFilterProblems } from './payload-filter.js';
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

export interface EndpointSettingsInput {
  url?: string;
  filterTypes?: string[] | null;
  headers?: Record<string, string>;
  retryPolicy?: RetryPolicy;
  filter?: unknown;
  orderingKeyPath?: string | null;
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
  for (const name of Object.keys(input.headers ?? {})) {
    if (RESERVED_HEADERS.has(name.toLowerCase()))
      out.push({ field: `headers.${name}`, message: 'this header is set by Hookline' });
  }
  if (input.filter !== undefined && input.filter !== null)
    out.push(...payloadFilterProblems(input.filter));
  if (input.orderingKeyPath !== undefined && input.orderingKeyPath !== null) {
    const path = parseKeyPath(input.orderingKeyPath);
    if ('problem' in path) out.push({ field: 'orderingKeyPath', message: path.problem });
  }
  const policy = input.retryPolicy;
  if (policy) {
    if (policy.preset === 'custom' && !policy.waitsMs)
      out.push({ field: 'retryPolicy.waitsMs', message: 'required with preset "custom"' });
    if (policy.preset !== 'custom' && policy.waitsMs)
      out.push({ field: 'retryPolicy.waitsMs', message: 'only allowed with preset "custom"' });
  }
  return out;
}
