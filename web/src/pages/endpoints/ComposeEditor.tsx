import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, fieldErrors } from '../../api/errors';
import type { ComposePreview, Endpoint } from '../../api/types';
import { useCatalog } from '../../api/use-catalog';
import { Field } from '../../components/Field';
import { JsonView } from '../../components/JsonView';
import { useDebounced } from '../../components/use-debounced';
import { useApi } from '../../session/session-context';

const STARTER = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: '{"id": "@{{payload.id}}", "status": "@{{payload.status}}"}',
};

/**
 * The compose template (formatOptions.template) with a live preview: each pause in typing renders
 * the template against the catalog sample of the chosen event type, on the server.
 */
export function ComposeEditor({ endpoint }: { endpoint: Endpoint }) {
  const api = useApi();
  const catalog = useCatalog();
  const queryClient = useQueryClient();
  const stored = endpoint.formatOptions.template;
  const [text, setText] = useState(JSON.stringify(stored ?? STARTER, null, 2));
  const [eventType, setEventType] = useState('message.status');
  const settled = useDebounced({ text, eventType });
  const parsed = parse(settled.text);
  const preview = useQuery({
    queryKey: ['compose-preview', settled.text, settled.eventType, endpoint.url],
    enabled: parsed.ok,
    retry: false,
    queryFn: async () =>
      (await api.POST('/api/v1/formats/compose/preview', {
        body: { template: parsed.value, eventType: settled.eventType, endpointUrl: endpoint.url },
      })) as unknown as ComposePreview,
  });
  const save = useMutation({
    mutationFn: () =>
      api.PATCH('/api/v1/apps/{appId}/endpoints/{endpointId}', {
        params: { path: { appId: endpoint.appId, endpointId: endpoint.id } },
        body: {
          format: 'compose',
          formatOptions: { ...endpoint.formatOptions, template: parse(text).value },
        },
      }),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: ['endpoints', endpoint.appId] }),
  });
  const isCompose = endpoint.format === 'compose';
  // While typing, the last preview's error is about text no longer there: say nothing until it settles.
  const typing = text !== settled.text || eventType !== settled.eventType;
  const templateError = typing
    ? undefined
    : !parsed.ok
      ? 'not valid JSON'
      : preview.isError
        ? (Object.values(fieldErrors(preview.error))[0] ?? errorMessage(preview.error))
        : (fieldErrors(save.error)['formatOptions.template'] ?? undefined);
  return (
    <section className="card" aria-labelledby="compose">
      <h2 id="compose">Compose template</h2>
      {!isCompose && (
        <p className="muted">
          This endpoint uses the {endpoint.format} format. A compose template shapes the request
          yourself: try one here, and save it to switch the endpoint to it.
        </p>
      )}
      <div className="split">
        <div>
          <Field
            label="Template (JSON)"
            error={templateError}
            hint="url, method, headers, body, bodyFormat; variables like @{{payload.id}}"
          >
            <textarea
              rows={14}
              value={text}
              onChange={(e) => setText(e.target.value)}
              spellCheck={false}
            />
          </Field>
          <Field label="Preview with the sample of">
            <select value={eventType} onChange={(e) => setEventType(e.target.value)}>
              {(catalog.data ?? [{ type: 'message.status' }]).map((e) => (
                <option key={e.type}>{e.type}</option>
              ))}
            </select>
          </Field>
          <button
            type="button"
            className="primary"
            disabled={!parse(text).ok || save.isPending}
            onClick={() => save.mutate()}
          >
            {isCompose ? 'Save template' : 'Save template and use the compose format'}
          </button>
          {save.isSuccess && <span role="status"> Saved.</span>}
        </div>
        <div aria-live="polite">
          <h3>Preview</h3>
          {preview.data && (
            <>
              <p className="mono" data-testid="preview-request-line">
                {preview.data.request.method} {preview.data.request.url}
              </p>
              <JsonView
                label="Preview headers"
                text={JSON.stringify(preview.data.request.headers)}
              />
              <h4>Body</h4>
              <JsonView label="Preview body" text={preview.data.request.body ?? ''} />
            </>
          )}
          {preview.isFetching && <p className="muted">Rendering…</p>}
        </div>
      </div>
    </section>
  );
}

function parse(text: string): { ok: boolean; value: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, value: undefined };
  }
}
