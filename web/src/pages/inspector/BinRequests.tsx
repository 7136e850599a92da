import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Empty } from '../../components/Empty';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { useApi } from '../../session/session-context';

/** Captured requests, newest first; `?request=<id>` selects one (the URL can be shared). */
export function BinRequests({ binId }: { binId: string }) {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  const selected = params.get('request');
  const requests = useQuery({
    queryKey: ['bin-requests', binId, cursor],
    queryFn: () =>
      api.GET('/api/v1/bins/{binId}/requests', {
        params: { path: { binId }, query: { cursor, limit: 50 } },
      }),
  });
  const select = (id: number) => {
    const next = new URLSearchParams(params);
    next.set('request', String(id));
    setParams(next, { replace: true });
  };
  return (
    <section className="card" aria-labelledby="requests">
      <h2 id="requests">Requests</h2>
      <QueryView query={requests} what="Loading requests">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>Nothing captured yet. Requests show up here the moment they arrive.</Empty>
          ) : (
            <>
              <ul className="plain request-list" aria-live="polite">
                {page.data.map((r) => (
                  <li key={r.id} className={String(r.id) === selected ? 'selected' : undefined}>
                    <button
                      type="button"
                      className="linkish"
                      aria-current={String(r.id) === selected ? 'true' : undefined}
                      onClick={() => select(r.id)}
                    >
                      <strong>{r.method}</strong> {r.subpath || '/'}
                      {r.eventType && <> · {r.eventType}</>} · <Time at={r.receivedAt} />
                    </button>
                  </li>
                ))}
              </ul>
              <Pager nextCursor={page.nextCursor} />
            </>
          )
        }
      </QueryView>
    </section>
  );
}
