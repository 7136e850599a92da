import { useMemo } from 'react';
import { TimeChart } from '../../components/TimeChart';
import type { AppStats } from './stats';

export function OverviewCharts({ stats }: { stats: AppStats }) {
  const times = useMemo(() => stats.series.map((p) => Date.parse(p.start)), [stats]);
  const outcomes = useMemo(
    () => [
      { label: 'succeeded', color: '#1d6b35', values: stats.series.map((p) => p.succeeded) },
      { label: 'retrying', color: '#8a5300', values: stats.series.map((p) => p.retrying) },
      { label: 'failed', color: '#b3261e', values: stats.series.map((p) => p.failed) },
    ],
    [stats],
  );
  const latency = useMemo(
    () => [
      { label: 'p50', color: '#2457c5', values: stats.series.map((p) => p.latencyP50Ms) },
      { label: 'p95', color: '#7b3fb0', values: stats.series.map((p) => p.latencyP95Ms) },
    ],
    [stats],
  );
  const per = stats.bucket === '1m' ? 'minute' : 'hour';
  return (
    <div className="split">
      <section className="card" aria-labelledby="chart-outcomes">
        <h2 id="chart-outcomes">Attempts per {per} by outcome</h2>
        <TimeChart title={`Attempts per ${per}`} times={times} series={outcomes} unit="attempts" />
        <p className="muted">
          {stats.totals.succeeded} succeeded, {stats.totals.retrying} retrying,{' '}
          {stats.totals.failed} failed.
        </p>
      </section>
      <section className="card" aria-labelledby="chart-latency">
        <h2 id="chart-latency">Latency</h2>
        <TimeChart title="Latency p50 and p95" times={times} series={latency} unit="ms" />
      </section>
    </div>
  );
}
