import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { fieldErrors } from '../../api/errors';
import type { Endpoint } from '../../api/types';
import { useCatalog } from '../../api/use-catalog';
import { ErrorState } from '../../components/ErrorState';
import { Field } from '../../components/Field';
import { useApi } from '../../session/session-context';

/** Sends the catalog's sample of an event type to the endpoint now (the simulator). */
export function TestEventPanel({ endpoint }: { endpoint: Endpoint }) {
  const api = useApi();
  const catalog = useCatalog();
  const [eventType, setEventType] = useState('message.status');
  const send = useMutation({
    mutationFn: () =>
      api.POST('/api/v1/apps/{appId}/endpoints/{endpointId}/simulate', {
        params: { path: { appId: endpoint.appId, endpointId: endpoint.id } },
        body: { eventType },
      }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  const result = send.data;
  return (
    <section className="card" aria-labelledby="test-event">
      <h2 id="test-event">Send a test event</h2>
      <form className="inline-form" onSubmit={submit}>
        <Field label="Event type" error={fieldErrors(send.error).eventType}>
          <select value={eventType} onChange={(e) => setEventType(e.target.value)}>
            {(catalog.data ?? [{ type: 'message.status' }]).map((e) => (
              <option key={e.type}>{e.type}</option>
            ))}
          </select>
        </Field>
        <button type="submit" disabled={send.isPending}>
          {send.isPending ? 'Sending…' : 'Send test event'}
        </button>
      </form>
      {send.isError && <ErrorState error={send.error} />}
      {result && (
        <div className="notice" role="status">
          {result.sent && result.attempt ? (
            <p>
              Sent: the receiver answered{' '}
              <strong>{result.attempt.statusCode ?? result.attempt.errorKind ?? 'nothing'}</strong>{' '}
              in {result.attempt.durationMs} ms.{' '}
              <Link to={`/apps/${endpoint.appId}/messages/${result.messageId}`}>
                Open the message
              </Link>
            </p>
          ) : (
            <p>Not sent: {result.reason}</p>
          )}
          {result.attempt?.responseBody && (
            <pre className="code">{result.attempt.responseBody}</pre>
          )}
        </div>
      )}
    </section>
  );
}
