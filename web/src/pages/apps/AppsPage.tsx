import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Empty } from '../../components/Empty';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { useApi } from '../../session/session-context';
import { CreateAppForm } from './CreateAppForm';

export function AppsPage() {
  const api = useApi();
  const [params] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  const apps = useQuery({
    queryKey: ['apps', cursor],
    queryFn: () => api.GET('/api/v1/apps', { params: { query: { cursor, limit: 25 } } }),
  });
  return (
    <>
      <PageTitle title="Apps" />
      <CreateAppForm />
      <QueryView query={apps} what="Loading apps">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>
              No apps yet. Create one above: each app is a tenant with its own endpoints.
            </Empty>
          ) : (
            <>
              <div className="table-wrap" role="region" aria-label="Apps" tabIndex={0}>
                <table>
                  <caption className="visually-hidden">Apps</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Id</th>
                      <th scope="col">Created</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((app) => (
                      <tr key={app.id}>
                        <td>
                          <Link to={`/apps/${app.id}/overview`}>{app.name}</Link>
                        </td>
                        <td className="mono">{app.id}</td>
                        <td>
                          <Time at={app.createdAt} />
                        </td>
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
