import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { QueryView } from '../../components/QueryView';
import { useApi } from '../../session/session-context';
import { FailingEndpoints } from './FailingEndpoints';
import { OverviewCharts } from './OverviewCharts';
import { fetchAppStats, RANGES, type Range } from './stats';

/** Deliveries per bucket by outcome, latency, backlog now and the failing endpoints. */
export function OverviewPage() {
  const api = useApi();
  const { appId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const range = (params.get('range') ?? '1h') as Range;
  const stats = useQuery({
    queryKey: ['stats', appId, range],
    refetchInterval: 30_000,
    queryFn: () => fetchAppStats(api, appId, range in RANGES ? range : '1h'),
  });
  return (
    <>
      <PageTitle
        title="Overview"
        actions={
          <div role="group" aria-label="Time range" className="segmented">
            {(Object.keys(RANGES) as Range[]).map((r) => (
              <button
                key={r}
                type="button"
                aria-pressed={r === range}
                onClick={() => setParams({ range: r }, { replace: true })}
              >
                {r}
              </button>
            ))}
          </div>
        }
      />
      <QueryView query={stats} what="Loading figures">
        {(s) => (
          <>
            <div className="grid">
              <Figure label="Attempts" value={s.totals.attempts} />
              <Figure
                label="Success rate"
                value={
                  s.totals.successRate == null
                    ? '—'
                    : `${Math.round(s.totals.successRate * 1000) / 10}%`
                }
              />
              <Figure
                label="Latency p50 / p95"
                value={`${s.totals.latencyP50Ms ?? '—'} / ${s.totals.latencyP95Ms ?? '—'} ms`}
              />
              <Figure
                label="Backlog now"
                value={`${s.backlog.pending} waiting, ${s.backlog.delivering} sending`}
              />
            </div>
            <OverviewCharts stats={s} />
            <FailingEndpoints appId={appId} endpoints={s.failingEndpoints} />
          </>
        )}
      </QueryView>
    </>
  );
}

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="card figure">
      <div className="muted">{label}</div>
      <div className="figure-value">{value}</div>
    </div>
  );
}
