import { useQuery } from '@tanstack/react-query';
import type { Attempt } from '../../api/types';
import { Empty } from '../../components/Empty';
import { QueryView } from '../../components/QueryView';
import { useApi } from '../../session/session-context';
import { DeliveryTable } from './DeliveryTable';
import { AttemptTimeline } from './AttemptTimeline';

/** The message's deliveries (one per endpoint) and every attempt of each, newest first. */
export function MessageDeliveries({ appId, messageId }: { appId: string; messageId: string }) {
  const api = useApi();
  const deliveries = useQuery({
    queryKey: ['deliveries', appId, { messageId }],
    refetchInterval: 5_000,
    queryFn: () =>
      api.GET('/api/v1/apps/{appId}/deliveries', {
        params: { path: { appId }, query: { messageId, limit: 100 } },
      }),
  });
  const attempts = useQuery({
    queryKey: ['attempts', appId, messageId],
    refetchInterval: 5_000,
    queryFn: () =>
      api.GET('/api/v1/apps/{appId}/messages/{messageId}/attempts', {
        params: { path: { appId, messageId }, query: { limit: 100 } },
      }),
  });
  return (
    <>
      <section className="card" aria-labelledby="deliveries">
        <h2 id="deliveries">Deliveries</h2>
        <QueryView query={deliveries} what="Loading deliveries">
          {(page) =>
            page.data.length === 0 ? (
              <Empty>No endpoint takes this event type, so nothing was delivered.</Empty>
            ) : (
              <DeliveryTable deliveries={page.data} caption="Deliveries of this message" />
            )
          }
        </QueryView>
      </section>
      <section className="card" aria-labelledby="attempts">
        <h2 id="attempts">Attempt timeline</h2>
        <QueryView query={attempts} what="Loading attempts">
          {(page) =>
            page.data.length === 0 ? (
              <Empty>No attempt yet.</Empty>
            ) : (
              <AttemptTimeline attempts={page.data as Attempt[]} />
            )
          }
        </QueryView>
      </section>
    </>
  );
}
