import { endpointProblems } from '../domain/endpoint-rules.js';
import { DEFAULT_RETRY_POLICY } from '../domain/retry-policy.js';
import type { Endpoint } from '../domain/types.js';
import { formatNames, getFormat } from '../formats/registry.js';
import { badRequest, type ErrorDetail } from '../lib/errors.js';

export const DEFAULT_MAX_CONCURRENCY = 50;

/** Fills defaults for a new endpoint's settings. */
export function endpointDefaults(): Omit<
  Endpoint,
  'id' | 'appId' | 'url' | 'secrets' | 'createdAt' | 'updatedAt'
> {
  return {
    description: '',
    disabled: false,
    filterTypes: null,
    headers: {},
    timeoutMs: null,
    retryPolicy: DEFAULT_RETRY_POLICY,
    ordering: 'parallel',
    maxConcurrency: DEFAULT_MAX_CONCURRENCY,
    rateLimit: null,
    format: 'standard',
    formatOptions: {},
    metadata: {},
    verification: null,
  };
}

/** Every rule the schema cannot express, checked on the merged endpoint; throws a 400 naming each field. */
export function assertValidEndpoint(endpoint: Endpoint): void {
  const details: ErrorDetail[] = endpointProblems(endpoint);
  const format = getFormat(endpoint.format);
  if (!format) {
    details.push({
      field: 'format',
      message: `unknown format "${endpoint.format}"; one of ${formatNames().join(', ')}`,
    });
  } else {
    for (const d of format.validateOptions(endpoint.formatOptions)) {
      details.push({ ...d, field: `formatOptions${d.field ? `.${d.field}` : ''}` });
    }
  }
  if (details.length > 0) {
    throw badRequest(`${details[0].field}: ${details[0].message}`, details);
  }
}
