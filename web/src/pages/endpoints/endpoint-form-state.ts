import type { Endpoint, EndpointInput } from '../../api/types';

/** The endpoint form's fields as typed text; `toInput` turns them into the API's body. */
export interface EndpointFormState {
  url: string;
  description: string;
  filterTypes: string;
  format: string;
  formatOptions: string;
  retryPreset: string;
  waitsSeconds: string;
  timeoutMs: string;
  ordering: Endpoint['ordering'];
  orderingKeyPath: string;
  filter: string;
  maxConcurrency: string;
  rateLimit: string;
  headers: string;
  metadata: string;
  disabled: boolean;
  propagateTraceContext: boolean;
  signatureAlgorithm: 'hmac-sha256' | 'ed25519';
}

export const FORMATS = ['standard', 'business', 'chatapi', 'routee', 'viber', 'compose'];
export const RETRY_PRESETS = [
  'standard',
  'exponential',
  'business',
  'routee',
  'chatapi-guaranteed',
  'chatapi-single',
  'guaranteed',
  'single',
  'custom',
];

const lines = (record: Record<string, string>, sep: string) =>
  Object.entries(record)
    .map(([k, v]) => `${k}${sep}${v}`)
    .join('\n');

export function formState(endpoint?: Endpoint): EndpointFormState {
  return {
    url: endpoint?.url ?? '',
    description: endpoint?.description ?? '',
    filterTypes: endpoint?.filterTypes?.join(', ') ?? '',
    format: endpoint?.format ?? 'standard',
    formatOptions:
      endpoint && Object.keys(endpoint.formatOptions).length > 0
        ? JSON.stringify(endpoint.formatOptions, null, 2)
        : '',
    retryPreset: endpoint?.retryPolicy.preset ?? 'standard',
    waitsSeconds: endpoint?.retryPolicy.waitsMs?.map((ms) => ms / 1000).join(', ') ?? '',
    timeoutMs: endpoint?.timeoutMs?.toString() ?? '',
    ordering: endpoint?.ordering ?? 'parallel',
    orderingKeyPath: endpoint?.orderingKeyPath ?? '',
    filter: endpoint?.filter ? JSON.stringify(endpoint.filter, null, 2) : '',
    maxConcurrency: endpoint?.maxConcurrency.toString() ?? '',
    rateLimit: endpoint?.rateLimit?.toString() ?? '',
    headers: endpoint ? lines(endpoint.headers, ': ') : '',
    metadata: endpoint ? lines(endpoint.metadata, '=') : '',
    disabled: endpoint?.disabled ?? false,
    propagateTraceContext: endpoint?.propagateTraceContext ?? true,
    signatureAlgorithm: endpoint?.signatureAlgorithm ?? 'hmac-sha256',
  };
}

/** Text the person typed that is not even well-formed, keyed by field, before any API call. */
export type LocalErrors = Partial<Record<string, string>>;

function pairs(text: string, sep: string, field: string, errors: LocalErrors) {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const at = line.indexOf(sep);
    if (at <= 0) errors[field] = `each line is name${sep.trim()} value`;
    else out[line.slice(0, at).trim()] = line.slice(at + sep.length).trim();
  }
  return out;
}

const numberOrNull = (text: string, field: string, errors: LocalErrors) => {
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value)) errors[field] = 'must be a number';
  return value;
};

/** The full create body from the form; fields left empty take the API's defaults. */
export function toInput(state: EndpointFormState): { input: EndpointInput; errors: LocalErrors } {
  const errors: LocalErrors = {};
  const filterTypes = state.filterTypes
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  let formatOptions: Record<string, unknown> = {};
  if (state.formatOptions.trim() !== '') {
    try {
      formatOptions = JSON.parse(state.formatOptions) as Record<string, unknown>;
    } catch {
      errors.formatOptions = 'must be a JSON object';
    }
  }
  let filter: Record<string, unknown> | null = null;
  if (state.filter.trim() !== '') {
    try {
      filter = JSON.parse(state.filter) as Record<string, unknown>;
    } catch {
      errors.filter = 'must be a JSON object';
    }
  }
  const waitsMs = state.waitsSeconds
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => Math.round(Number(t) * 1000));
  if (waitsMs.some((ms) => !Number.isFinite(ms))) errors['retryPolicy.waitsMs'] = 'numbers only';
  const input: EndpointInput = {
    url: state.url.trim(),
    description: state.description,
    filterTypes: filterTypes.length > 0 ? filterTypes : null,
    format: state.format,
    formatOptions,
    retryPolicy:
      state.retryPreset === 'custom'
        ? { preset: 'custom', waitsMs }
        : { preset: state.retryPreset as 'standard' },
    timeoutMs: numberOrNull(state.timeoutMs, 'timeoutMs', errors),
    ordering: state.ordering,
    orderingKeyPath: state.orderingKeyPath.trim() === '' ? null : state.orderingKeyPath.trim(),
    filter,
    rateLimit: numberOrNull(state.rateLimit, 'rateLimit', errors),
    headers: pairs(state.headers, ':', 'headers', errors),
    metadata: pairs(state.metadata, '=', 'metadata', errors),
    disabled: state.disabled,
    propagateTraceContext: state.propagateTraceContext,
    signatureAlgorithm: state.signatureAlgorithm,
  };
  const concurrency = numberOrNull(state.maxConcurrency, 'maxConcurrency', errors);
  if (concurrency !== null) input.maxConcurrency = concurrency;
  return { input, errors };
}

/** Only what changed, for a PATCH: a concurrent edit of another field is not overwritten. */
export function changedFields(before: EndpointInput, after: EndpointInput): Partial<EndpointInput> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === 'signatureAlgorithm') continue; // changed by rotation only
    if (JSON.stringify(value) !== JSON.stringify(before[key as keyof EndpointInput]))
      patch[key] = value;
  }
  return patch as Partial<EndpointInput>;
}
