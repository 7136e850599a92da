import { Link } from 'react-router';
import { Empty } from '../../components/Empty';
import { Time } from '../../components/Time';
import type { AppStats } from './stats';

export function FailingEndpoints({
  appId,
  endpoints,
}: {
  appId: string;
  endpoints: AppStats['failingEndpoints'];
}) {
  return (
    <section className="card" aria-labelledby="failing">
      <h2 id="failing">Failing endpoints</h2>
      {endpoints.length === 0 ? (
        <Empty>Every endpoint answered its last attempt.</Empty>
      ) : (
        <ul className="plain">
          {endpoints.map((ep) => (
            <li key={ep.id}>
              <Link to={`/apps/${appId}/endpoints/${ep.id}`} className="mono">
                {ep.description || ep.url}
              </Link>{' '}
              — {ep.consecutiveFailures} failures since <Time at={ep.failingSince} />
              {ep.disabled && ' (disabled)'}
              {ep.lastError && <div className="muted">{ep.lastError.message}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
