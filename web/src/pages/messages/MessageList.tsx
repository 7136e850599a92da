import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Empty } from '../../components/Empty';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { localToIso } from '../../components/use-filters';
import { useApi } from '../../session/session-context';
import type { MessageFilterState } from './MessageFilters';

export function MessageList({ filters }: { filters: MessageFilterState }) {
  const api = useApi();
  const { appId = '' } = useParams();
  const { values, cursor } = filters;
  const query = {
    cursor,
    limit: 25,
    eventType: values.eventType || undefined,
    since: localToIso(values.since),
    until: localToIso(values.until),
  };
  const messages = useQuery({
    queryKey: ['messages', appId, query],
    queryFn: () => api.GET('/api/v1/apps/{appId}/messages', { params: { path: { appId }, query } }),
  });
  return (
    <QueryView query={messages} what="Loading messages">
      {(page) =>
        page.data.length === 0 ? (
          <Empty>No messages match. Messages appear here as your app sends them.</Empty>
        ) : (
          <>
            <div className="table-wrap" role="region" aria-label="Messages" tabIndex={0}>
              <table>
                <caption className="visually-hidden">Messages</caption>
                <thead>
                  <tr>
                    <th scope="col">Message</th>
                    <th scope="col">Event type</th>
                    <th scope="col">Accepted</th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.map((m) => (
                    <tr key={m.id}>
                      <td>
                        <Link className="mono" to={`/apps/${appId}/messages/${m.id}`}>
                          {m.id}
                        </Link>
                      </td>
                      <td>{m.eventType}</td>
                      <td>
                        <Time at={m.createdAt} />
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
  );
}
