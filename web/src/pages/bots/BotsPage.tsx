import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { HooklineApiError } from '../../../../src/client/api-error';
import { isAppKeyRequired } from '../../api/errors';
import { Empty } from '../../components/Empty';
import { PageTitle } from '../../components/PageTitle';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { useApi } from '../../session/session-context';

/**
 * Bot connections (the bot API, /v2/integrations/webhook/). They belong to an app: an app key sees
 * its own; the admin token names the app (`?appId=`), so at /bots, with no app chosen, the page
 * asks for one.
 */
export function BotsPage() {
  const api = useApi();
  const { appId } = useParams();
  const connections = useQuery({
    queryKey: ['bots', appId ?? null],
    retry: (count, error) => !isAppKeyRequired(error) && count < 3,
    queryFn: async () => {
      const { data, error, response } = await api.raw.GET('/v2/integrations/webhook/', {
        params: { query: appId ? { appId } : {} },
      });
      if (error !== undefined || !response.ok) throw new HooklineApiError(response.status, error);
      return data ?? [];
    },
  });
  if (isAppKeyRequired(connections.error))
    return (
      <>
        <PageTitle title="Bot connections" />
        <Empty>
          Bot connections belong to an app: choose one with the app picker above, or from{' '}
          <Link to="/apps">the apps</Link>.
        </Empty>
      </>
    );
  const base = appId ? `/apps/${appId}` : '';
  return (
    <>
      <PageTitle title="Bot connections" />
      <QueryView query={connections} what="Loading bot connections">
        {(list) =>
          list.length === 0 ? (
            <Empty>No bot connections. A bot connects with POST /v2/integrations/webhook/.</Empty>
          ) : (
            <div className="table-wrap" role="region" aria-label="Bot connections" tabIndex={0}>
              <table>
                <caption className="visually-hidden">Bot connections</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">URL</th>
                    <th scope="col">Story</th>
                    <th scope="col">Last error</th>
                    <th scope="col">Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`${base}/bots/${c.id}`}>{c.name || c.id}</Link>
                      </td>
                      <td className="mono secret">{c.url}</td>
                      <td>{c.story.name}</td>
                      <td>{c.error === false ? <span className="muted">none</span> : c.error}</td>
                      <td>
                        <Time at={c.updatedAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </>
  );
}
