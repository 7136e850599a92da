import { Link } from 'react-router';
import type { Endpoint } from '../../api/types';
import { HealthSummary } from './HealthSummary';

export function EndpointRow({ endpoint }: { endpoint: Endpoint }) {
  return (
    <tr>
      <td>
        <Link to={`/apps/${endpoint.appId}/endpoints/${endpoint.id}`} className="mono">
          {endpoint.url}
        </Link>
        {endpoint.description && <div className="muted">{endpoint.description}</div>}
      </td>
      <td>{endpoint.filterTypes?.join(', ') ?? <span className="muted">every event</span>}</td>
      <td>{endpoint.format}</td>
      <td>
        <HealthSummary endpoint={endpoint} />
      </td>
    </tr>
  );
}
