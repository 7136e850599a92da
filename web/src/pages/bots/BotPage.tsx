import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { Empty } from '../../components/Empty';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { useApi } from '../../session/session-context';

/** One connection's recent invocations, with the reply problems the bot's answers had. */
export function BotPage() {
  const api = useApi();
  const { botId = '', appId } = useParams();
  const [params] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  const invocations = useQuery({
    queryKey: ['bots', appId ?? null, botId, cursor],
    queryFn: () =>
      api.GET('/v2/integrations/webhook/{id}/invocations', {
        params: { path: { id: botId }, query: { cursor, limit: 25, ...(appId ? { appId } : {}) } },
      }),
  });
  return (
    <>
      <PageTitle title={`Bot connection ${botId}`} />
      <QueryView query={invocations} what="Loading invocations">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No invocations yet.</Empty>
          ) : (
            <>
              <div className="table-wrap" role="region" aria-label="Invocations" tabIndex={0}>
                <table>
                  <caption className="visually-hidden">Invocations</caption>
                  <thead>
                    <tr>
                      <th scope="col">At</th>
                      <th scope="col">Outcome</th>
                      <th scope="col">Status</th>
                      <th scope="col">Latency</th>
                      <th scope="col">Problem</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((i) => (
                      <tr key={i.id}>
                        <td>
                          <Time at={i.at} />
                        </td>
                        <td>{i.outcome}</td>
                        <td>{i.statusCode ?? '—'}</td>
                        <td>{i.latencyMs} ms</td>
                        <td>{i.error ?? <span className="muted">none</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager nextCursor={page.nextCursor} />
            </>
          )
        }
      </QueryView>
    </>
  );
}
