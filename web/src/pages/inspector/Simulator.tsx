import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/errors';
import type { Bin } from '../../api/types';
import { useCatalog } from '../../api/use-catalog';
import { Field } from '../../components/Field';
import { useApi } from '../../session/session-context';

/**
 * The simulator: sends a catalog sample, signed and formatted, through an endpoint of the bin's
 * app that delivers to this bin (made here when there is none), so it arrives in the list above.
 */
export function Simulator({ bin }: { bin: Bin }) {
  const api = useApi();
  const catalog = useCatalog();
  const queryClient = useQueryClient();
  const appId = bin.appId ?? '';
  const [eventType, setEventType] = useState('message.received');
  const endpoints = useQuery({
    queryKey: ['endpoints', appId, 'all'],
    queryFn: () =>
      api.GET('/api/v1/apps/{appId}/endpoints', {
        params: { path: { appId }, query: { limit: 100 } },
      }),
  });
  const endpoint = endpoints.data?.data.find((ep) => ep.url.startsWith(bin.url));
  const send = useMutation({
    mutationFn: async () => {
      const target =
        endpoint ??
        (await api.POST('/api/v1/apps/{appId}/endpoints', {
          params: { path: { appId } },
          body: { url: bin.url, description: `Simulator → ${bin.id}` },
        }));
      void queryClient.invalidateQueries({ queryKey: ['endpoints', appId] });
      return api.POST('/api/v1/apps/{appId}/endpoints/{endpointId}/simulate', {
        params: { path: { appId, endpointId: target.id } },
        body: { eventType },
      });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  return (
    <section className="card" aria-labelledby="simulator">
      <h2 id="simulator">Simulator</h2>
      <form className="inline-form" onSubmit={submit}>
        <Field label="Simulated event">
          <select value={eventType} onChange={(e) => setEventType(e.target.value)}>
            {(catalog.data ?? [{ type: 'message.received' }]).map((e) => (
              <option key={e.type}>{e.type}</option>
            ))}
          </select>
        </Field>
        <button type="submit" className="primary" disabled={send.isPending || endpoints.isPending}>
          Simulate
        </button>
      </form>
      <p className="muted">
        {endpoint
          ? `Sent through endpoint ${endpoint.id}.`
          : 'The first simulation adds an endpoint to this app that delivers here.'}
      </p>
      {send.data && (
        <p role="status">
          {send.data.sent
            ? `Delivered: answered ${send.data.attempt?.statusCode ?? '—'}.`
            : `Not sent: ${send.data.reason}`}
        </p>
      )}
      {send.isError && (
        <p role="alert" className="field-error">
          {errorMessage(send.error)}
        </p>
      )}
    </section>
  );
}
