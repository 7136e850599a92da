import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { useApi } from '../../session/session-context';
import { MessageDeliveries } from './MessageDeliveries';
import { PayloadView } from './PayloadView';

export function MessagePage() {
  const api = useApi();
  const { appId = '', messageId = '' } = useParams();
  const message = useQuery({
    queryKey: ['messages', appId, 'one', messageId],
    queryFn: () =>
      api.GET('/api/v1/apps/{appId}/messages/{messageId}', {
        params: { path: { appId, messageId } },
      }),
  });
  return (
    <QueryView query={message} what="Loading message">
      {(m) => (
        <>
          <PageTitle title={`Message ${m.id}`} />
          <section className="card" aria-labelledby="message-facts">
            <h2 id="message-facts">{m.eventType}</h2>
            <dl className="props">
              <dt>Accepted</dt>
              <dd>
                <Time at={m.createdAt} />
              </dd>
              {m.idempotencyKey && (
                <>
                  <dt>Idempotency key</dt>
                  <dd className="mono">{m.idempotencyKey}</dd>
                </>
              )}
            </dl>
            <h3>Payload</h3>
            <PayloadView appId={appId} messageId={m.id} />
          </section>
          <MessageDeliveries appId={appId} messageId={m.id} />
        </>
      )}
    </QueryView>
  );
}
