import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { Empty } from '../../components/Empty';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/QueryView';
import { useApi } from '../../session/session-context';
import { EndpointRow } from './EndpointRow';

export function EndpointsPage() {
  const api = useApi();
  const { appId = '' } = useParams();
  const [params] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  const endpoints = useQuery({
    queryKey: ['endpoints', appId, cursor],
    queryFn: () =>
      api.GET('/api/v1/apps/{appId}/endpoints', {
        params: { path: { appId }, query: { cursor, limit: 25 } },
      }),
  });
  return (
    <>
      <PageTitle
        title="Endpoints"
        actions={
          <Link className="button primary" to={`/apps/${appId}/endpoints/new`}>
            New endpoint
          </Link>
        }
      />
      <QueryView query={endpoints} what="Loading endpoints">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>
              No endpoints yet. <Link to={`/apps/${appId}/endpoints/new`}>Add one</Link> to start
              receiving this app&apos;s messages.
            </Empty>
          ) : (
            <>
              <div className="table-wrap" role="region" aria-label="Endpoints" tabIndex={0}>
                <table>
                  <caption className="visually-hidden">Endpoints</caption>
                  <thead>
                    <tr>
                      <th scope="col">URL</th>
                      <th scope="col">Events</th>
                      <th scope="col">Format</th>
                      <th scope="col">Health</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((endpoint) => (
                      <EndpointRow key={endpoint.id} endpoint={endpoint} />
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
