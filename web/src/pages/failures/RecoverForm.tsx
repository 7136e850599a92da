import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrors } from '../../api/errors';
import { Field } from '../../components/Field';
import { localToIso, useFilters } from '../../components/use-filters';
import { useApi } from '../../session/session-context';

const hoursAgo = (hours: number) => {
  const date = new Date(Date.now() - hours * 3_600_000);
  date.setMinutes(date.getMinutes() - date.getTimezoneOffset());
  return date.toISOString().slice(0, 16);
};

/** Re-queues an endpoint's failed deliveries created in [since, until). */
export function RecoverForm({ appId }: { appId: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const filters = useFilters(['endpoint'] as const);
  const [since, setSince] = useState(hoursAgo(24));
  const [until, setUntil] = useState('');
  const endpoints = useQuery({
    queryKey: ['endpoints', appId, 'all'],
    queryFn: () =>
      api.GET('/api/v1/apps/{appId}/endpoints', {
        params: { path: { appId }, query: { limit: 100 } },
      }),
  });
  const endpointId = filters.values.endpoint;
  const recover = useMutation({
    mutationFn: () =>
      api.POST('/api/v1/apps/{appId}/endpoints/{endpointId}/recover', {
        params: { path: { appId, endpointId } },
        body: { since: localToIso(since) ?? '', until: localToIso(until) },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['deliveries', appId] }),
  });
  const errors = fieldErrors(recover.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    recover.mutate();
  };
  return (
    <section className="card" aria-labelledby="recover">
      <h2 id="recover">Recover</h2>
      <form className="filters" onSubmit={submit}>
        <Field label="Endpoint" hint="Also filters the list below">
          <select value={endpointId} onChange={(e) => filters.set('endpoint', e.target.value)}>
            <option value="">every endpoint (list only)</option>
            {endpoints.data?.data.map((ep) => (
              <option key={ep.id} value={ep.id}>
                {ep.description || ep.url}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Failed since" error={errors.since}>
          <input
            type="datetime-local"
            value={since}
            onChange={(e) => setSince(e.target.value)}
            required
          />
        </Field>
        <Field label="Until" error={errors.until} hint="Empty for now">
          <input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
        </Field>
        <div className="field">
          <button type="submit" className="primary" disabled={!endpointId || recover.isPending}>
            Recover failed deliveries
          </button>
        </div>
      </form>
      {recover.data && (
        <p role="status">
          Re-queued {recover.data.requeued} failed{' '}
          {recover.data.requeued === 1 ? 'delivery' : 'deliveries'}.
        </p>
      )}
      {recover.isError && Object.keys(errors).length === 0 && (
        <p role="alert" className="field-error">
          {errorMessage(recover.error)}
        </p>
      )}
    </section>
  );
}
