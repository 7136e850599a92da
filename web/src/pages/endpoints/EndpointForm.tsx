import { useState, type FormEvent } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { Field } from '../../components/Field';
import {
  FORMATS,
  RETRY_PRESETS,
  type EndpointFormState,
  type LocalErrors,
} from './endpoint-form-state';

/**
 * Every endpoint setting. Errors come from the form's own parsing or from the API's field errors
 * (`errors`), each shown under its field; nothing is saved until the API accepts the whole body.
 */
export function EndpointForm({
  initial,
  creating,
  errors,
  busy,
  submitLabel,
  onSubmit,
}: {
  initial: EndpointFormState;
  creating: boolean;
  errors: LocalErrors;
  busy: boolean;
  submitLabel: string;
  onSubmit(state: EndpointFormState): void;
}) {
  const [state, setState] = useState(initial);
  const set =
    <K extends keyof EndpointFormState>(key: K) =>
    (value: EndpointFormState[K]) =>
      setState((s) => ({ ...s, [key]: value }));
  const text = (key: keyof EndpointFormState) => ({
    value: state[key] as string,
    onChange: (e: { target: { value: string } }) =>
      set(key)(e.target.value as EndpointFormState[typeof key]),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(state);
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="form-grid">
        <Field label="URL" error={errors.url}>
          <input type="url" required {...text('url')} placeholder="https://example.com/webhooks" />
        </Field>
        <Field label="Description" error={errors.description}>
          <input {...text('description')} />
        </Field>
        <Field
          label="Event types"
          error={errors.filterTypes}
          hint="Comma-separated, e.g. message.*; empty for every event"
        >
          <input {...text('filterTypes')} />
        </Field>
        <Field label="Format" error={errors.format}>
          <select {...text('format')}>
            {FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </Field>
        <Field label="Retry schedule" error={errors['retryPolicy.preset'] ?? errors.retryPolicy}>
          <select {...text('retryPreset')}>
            {RETRY_PRESETS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </Field>
        {state.retryPreset === 'custom' && (
          <Field
            label="Waits between attempts (seconds)"
            error={errors['retryPolicy.waitsMs']}
            hint="Comma-separated, e.g. 5, 60, 600"
          >
            <input {...text('waitsSeconds')} />
          </Field>
        )}
        <Field label="Timeout (ms)" error={errors.timeoutMs} hint="Empty for the default">
          <input inputMode="numeric" {...text('timeoutMs')} />
        </Field>
        <Field label="Ordering" error={errors.ordering}>
          <select {...text('ordering')}>
            <option value="parallel">parallel</option>
            <option value="serial">serial (one at a time, in order)</option>
            <option value="per-key">per-key (one at a time per conversation key)</option>
          </select>
        </Field>
        {(state.ordering === 'per-key' || state.orderingKeyPath !== '') && (
          <Field
            label="Ordering key path"
            error={errors.orderingKeyPath}
            hint="per-key: the payload field holding the key, e.g. sender.id; empty for the message's orderingKey"
          >
            <input {...text('orderingKeyPath')} />
          </Field>
        )}
        <Field label="Max concurrency" error={errors.maxConcurrency}>
          <input inputMode="numeric" {...text('maxConcurrency')} />
        </Field>
        <Field label="Rate limit (per second)" error={errors.rateLimit} hint="Empty for none">
          <input inputMode="decimal" {...text('rateLimit')} />
        </Field>
        {creating && (
          <Field label="Signature" error={errors.signatureAlgorithm}>
            <select {...text('signatureAlgorithm')}>
              <option value="hmac-sha256">HMAC-SHA256 (Standard Webhooks v1)</option>
              <option value="ed25519">ed25519 (v1a)</option>
            </select>
          </Field>
        )}
      </div>
      <div className="form-grid">
        <Field label="Headers" error={errors.headers} hint="One per line: Name: value">
          <textarea {...text('headers')} rows={3} />
        </Field>
        <Field label="Metadata" error={errors.metadata} hint="One per line: key=value">
          <textarea {...text('metadata')} rows={3} />
        </Field>
      </div>
      <Field
        label="Payload filter (JSON)"
        error={errors.filter ?? withPath(errors, 'filter.')}
        hint='Only payloads that match are delivered, e.g. {"status": {"$in": ["failed", "expired"]}}; empty for all'
      >
        <textarea {...text('filter')} rows={3} />
      </Field>
      <Field
        label="Format options (JSON)"
        error={errors.formatOptions ?? firstUnder(errors, 'formatOptions.')}
        hint='e.g. {"sendName": false}; a compose template is edited below'
      >
        <textarea {...text('formatOptions')} rows={4} />
      </Field>
      <Checkbox checked={state.disabled} onChange={set('disabled')}>
        Disabled (deliveries wait until enabled)
      </Checkbox>
      <Checkbox checked={state.propagateTraceContext} onChange={set('propagateTraceContext')}>
        Send the message's W3C traceparent with each request
      </Checkbox>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {errors[''] && (
          <p role="alert" className="field-error">
            {errors['']}
          </p>
        )}
      </div>
    </form>
  );
}

const firstUnder = (errors: LocalErrors, prefix: string) =>
  Object.entries(errors).find(([k]) => k.startsWith(prefix))?.[1];

/** A nested field's error with its path (`filter.status.$in: ...`): the person sees where. */
const withPath = (errors: LocalErrors, prefix: string) => {
  const found = Object.entries(errors).find(([k]) => k.startsWith(prefix));
  return found && `${found[0]}: ${found[1]}`;
};
