import { Link } from 'react-router';
import type { Delivery } from '../../api/types';
import { StateBadge } from '../../components/StateBadge';
import { Time } from '../../components/Time';
import { RetryButton } from './RetryButton';

/** Deliveries with their state and last answer; each links to its message's timeline. */
export function DeliveryTable({
  deliveries,
  caption = 'Deliveries',
}: {
  deliveries: Delivery[];
  caption?: string;
}) {
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Message</th>
            <th scope="col">Endpoint</th>
            <th scope="col">State</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last answer</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td>
                <Link
                  className="mono"
                  to={`/apps/${d.appId}/messages/${d.messageId}?delivery=${d.id}`}
                >
                  {d.messageId}
                </Link>
              </td>
              <td>
                <Link className="mono" to={`/apps/${d.appId}/endpoints/${d.endpointId}`}>
                  {d.endpointId}
                </Link>
              </td>
              <td>
                <StateBadge state={d.state} />
              </td>
              <td>{d.attempts}</td>
              <td>{d.lastStatus ?? d.lastError ?? <span className="muted">—</span>}</td>
              <td>
                <Time at={d.createdAt} />
              </td>
              <td>
                {(d.state === 'failed' || d.state === 'pending') && <RetryButton delivery={d} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
