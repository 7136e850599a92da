import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Empty } from '../../components/Empty';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { useAppId } from '../../layout/use-app-id';
import { useApi } from '../../session/session-context';
import { CreateBinForm } from './CreateBinForm';

/** Bins: capture URLs for testing receivers and senders; each has a live page. */
export function InspectorPage() {
  const api = useApi();
  const appId = useAppId();
  const [params] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  const bins = useQuery({
    queryKey: ['bins', appId, cursor],
    queryFn: () => api.GET('/api/v1/bins', { params: { query: { cursor, limit: 25, appId } } }),
  });
  return (
    <>
      <PageTitle title="Inspector" />
      <CreateBinForm />
      <QueryView query={bins} what="Loading bins">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No bins yet. Create one above and send requests to its capture URL.</Empty>
          ) : (
            <>
              <div className="table-wrap" role="region" aria-label="Bins" tabIndex={0}>
                <table>
                  <caption className="visually-hidden">Bins</caption>
                  <thead>
                    <tr>
                      <th scope="col">Bin</th>
                      <th scope="col">Capture URL</th>
                      <th scope="col">Requests</th>
                      <th scope="col">Expires</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((bin) => (
                      <tr key={bin.id}>
                        <td>
                          <Link className="mono" to={binPage(bin.id, appId)}>
                            {bin.id}
                          </Link>
                        </td>
                        <td className="mono secret">{bin.url}</td>
                        <td>{bin.requestCount}</td>
                        <td>{bin.expired ? 'expired' : <Time at={bin.expiresAt} />}</td>
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

/** A bin's console page: never its capture URL, so looking at it captures nothing. */
export const binPage = (binId: string, appId?: string) =>
  appId ? `/apps/${appId}/inspector/bins/${binId}` : `/inspector/bins/${binId}`;
