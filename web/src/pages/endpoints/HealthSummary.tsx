import { StateBadge } from '../../components/StateBadge';
import { Time } from '../../components/Time';
import type { Endpoint } from '../../api/types';
import { percent } from '../../components/format';

/** Why an endpoint is disabled, in words (the API's `disabledReason`). */
const WHY_DISABLED: Record<string, string> = {
  gone: 'its receiver answered 410 Gone',
  failing: 'it failed without a success for too long',
  manual: 'switched off by hand',
};

/**
 * The endpoint's state (enabled, failing or disabled, and why) and its rolling health from the
 * API's `health`: the last hour's success rate and latency, and the last error while it is failing.
 */
export function HealthSummary({ endpoint }: { endpoint: Endpoint }) {
  const health = endpoint.health;
  const failing = (health?.consecutiveFailures ?? 0) > 0;
  const lastHour = health?.lastHour;
  return (
    <div>
      <StateBadge state={endpoint.disabled ? 'disabled' : failing ? 'failing' : 'enabled'} />
      {endpoint.disabled && endpoint.disabledReason && (
        <div className="muted">
          Disabled
          {endpoint.disabledAt && (
            <>
              {' '}
              <Time at={endpoint.disabledAt} />
            </>
          )}
          : {WHY_DISABLED[endpoint.disabledReason] ?? endpoint.disabledReason}; its deliveries are
          held
        </div>
      )}
      {lastHour && (
        <div className="muted">
          {lastHour.attempts === 0
            ? 'No attempts in the last hour'
            : `${percent(lastHour.successRate)} ok in the last hour` +
              (lastHour.latencyP50Ms == null ? '' : `, p50 ${lastHour.latencyP50Ms} ms`)}
        </div>
      )}
      {health?.lastError && failing && (
        <div className="muted">
          {health.consecutiveFailures} failed since{' '}
          <Time at={health.failingSince ?? health.lastError.at} />: {health.lastError.message}
        </div>
      )}
    </div>
  );
}
