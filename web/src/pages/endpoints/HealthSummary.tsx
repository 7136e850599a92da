import { StateBadge } from '../../components/StateBadge';
import type { Endpoint } from '../../api/types';
import { percent } from '../../components/format';

/**
 * The endpoint's rolling health (the API's `health`: last hour's success rate and latency, the
 * last error) and whether it is disabled and why.
 */
interface Health {
  consecutiveFailures: number;
  lastError: { at: string; message: string } | null;
  lastHour: { attempts: number; successRate: number | null; latencyP50Ms: number | null };
}

export function HealthSummary({ endpoint }: { endpoint: Endpoint }) {
  const extra = endpoint as Endpoint & { health?: Health; disabledReason?: string | null };
  const health = extra.health;
  const failing = (health?.consecutiveFailures ?? 0) > 0;
  return (
    <div>
      <StateBadge state={endpoint.disabled ? 'disabled' : failing ? 'failing' : 'enabled'} />
      {endpoint.disabled && extra.disabledReason && (
        <div className="muted">{extra.disabledReason}</div>
      )}
      {health && health.lastHour.attempts > 0 && (
        <div className="muted">
          {percent(health.lastHour.successRate)} ok in the last hour
          {health.lastHour.latencyP50Ms != null && `, p50 ${health.lastHour.latencyP50Ms} ms`}
        </div>
      )}
      {health?.lastError && failing && (
        <div className="muted">Last error: {health.lastError.message}</div>
      )}
    </div>
  );
}
