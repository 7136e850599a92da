import type { ScenarioResult, TargetCheck } from '../lib/results.js';
import { fmt } from '../lib/format.js';

const pct = (n: number) => `${(n * 100).toFixed(0)}%`;

function rate(scenarios: ScenarioResult[], id: string): number | null {
  const found = scenarios.find((s) => s.id === id);
  return found?.status === 'ok' && found.perSecond !== undefined ? found.perSecond : null;
}

function ratio(a: number | null, b: number | null): number | null {
  return a !== null && b !== null && b > 0 ? Math.round((a / b) * 1000) / 1000 : null;
}

/** Every ratio is between two figures of the same run. */
export function computeRatios(scenarios: ScenarioResult[]): Record<string, number | null> {
  const r = (id: string) => rate(scenarios, id);
  return {
    hooklineDrainToRawCeiling: ratio(r('drain-sqlite'), r('raw-ceiling')),
    hooklineDrainToBullmq: ratio(r('drain-sqlite'), r('bullmq')),
    hooklineFailing10ToBullmqFailing10: ratio(r('drain-failing-10'), r('bullmq-failing-10')),
    postgresDrainToRawCeiling: ratio(r('drain-postgres-2-workers'), r('raw-ceiling')),
    postgresIngestToPgbench: ratio(r('ingest-postgres'), r('pgbench-ceiling')),
    postgresTwoApisToOne: ratio(r('ingest-postgres-2-api'), r('ingest-postgres')),
    postgresTwoWorkersToOne: ratio(r('drain-postgres-2-workers'), r('drain-postgres-1-worker')),
    backlog1mToBacklog10k: ratio(r('backlog-1m'), r('backlog-10k')),
    endpoints10kToEndpoints10: ratio(r('endpoints-10k'), r('drain-sqlite')),
    payload64kToPayload1k: ratio(r('payload-64k'), r('drain-sqlite')),
    failing10ToAllOk: ratio(r('drain-failing-10'), r('drain-sqlite')),
    perKeyToParallel: ratio(r('cost-per-key'), r('cost-parallel')),
    filters100ToNoFilter100: ratio(r('cost-ingest-filters'), r('cost-ingest-no-filter')),
    tracingOnToOff: ratio(r('cost-tracing-on'), r('cost-tracing-off')),
    filterMatchingShareOfIngest: addedShare(scenarios, 'cost-filter-matching', [
      'cost-ingest-no-filter',
    ]),
    metricsShareOfDelivery: addedShare(scenarios, 'metrics-overhead', [
      'cost-parallel',
      'drain-sqlite',
    ]),
  };
}

/**
 * An in-process scenario's added time per item (`extra.nsAdded`) as a share of one item's time
 * at the rate of the first of `rateIds` measured in the same run.
 */
function addedShare(scenarios: ScenarioResult[], id: string, rateIds: string[]): number | null {
  const added = scenarios.find((s) => s.id === id)?.extra?.nsAdded;
  const perSecond = rateIds.map((r) => rate(scenarios, r)).find((r) => r !== null) ?? null;
  if (typeof added !== 'number' || perSecond === null) return null;
  return Math.round((Math.max(0, added) / (1e9 / perSecond)) * 10_000) / 10_000;
}

const unknown = (why: string): Pick<TargetCheck, 'measured' | 'met'> => ({
  measured: why,
  met: null,
});

export function checkTargets(
  scenarios: ScenarioResult[],
  ratios: Record<string, number | null>,
): TargetCheck[] {
  const byId = (id: string) => scenarios.find((s) => s.id === id);
  const why = (id: string) => {
    const s = byId(id);
    return s ? `${s.status}${s.reason ? `: ${s.reason}` : ''}` : 'not run';
  };
  const checks: TargetCheck[] = [];

  const drain = rate(scenarios, 'drain-sqlite');
  const toRaw = ratios.hooklineDrainToRawCeiling ?? null;
  const toBull = ratios.hooklineDrainToBullmq ?? null;
  checks.push({
    area: 'SQLite drain vs raw ceiling',
    target: '≥ 50% of raw undici',
    ...(toRaw !== null
      ? {
          measured: `${fmt(drain!)}/s = ${pct(toRaw)} of ${fmt(rate(scenarios, 'raw-ceiling')!)}/s`,
          met: toRaw >= 0.5,
        }
      : unknown(why(drain === null ? 'drain-sqlite' : 'raw-ceiling'))),
  });
  checks.push({
    area: 'SQLite drain vs BullMQ',
    target: '≥ 3× BullMQ',
    ...(toBull !== null
      ? {
          measured: `${toBull.toFixed(2)}× (${fmt(rate(scenarios, 'bullmq')!)}/s)`,
          met: toBull >= 3,
        }
      : unknown(why(drain === null ? 'drain-sqlite' : 'bullmq'))),
  });

  const ingest = rate(scenarios, 'ingest');
  checks.push({
    area: 'Ingest, one message per POST',
    target: '≥ 10,000 messages/s accepted durably',
    ...(ingest !== null
      ? { measured: `${fmt(ingest)} messages/s`, met: ingest >= 10_000 }
      : unknown(why('ingest'))),
  });
  const ingestBatch = rate(scenarios, 'ingest-batch');
  checks.push({
    area: 'Ingest, batch form',
    target: '≥ 10,000 messages/s accepted durably',
    ...(ingestBatch !== null
      ? { measured: `${fmt(ingestBatch)} messages/s`, met: ingestBatch >= 10_000 }
      : unknown(why('ingest-batch'))),
  });

  const latency = byId('latency-2000');
  checks.push({
    area: 'p99 latency at 2,000 events/s',
    target: '≤ 25 ms',
    ...(latency?.status === 'ok' && latency.latency
      ? { measured: `${latency.latency.p99} ms`, met: latency.latency.p99 <= 25 }
      : unknown(why('latency-2000'))),
  });

  const big = byId('backlog-1m');
  checks.push({
    area: 'Peak RSS with a 1M-message backlog',
    target: '≤ 250 MB',
    ...(big?.status === 'ok' && big.peakRssMb !== undefined
      ? { measured: `${big.peakRssMb.toFixed(0)} MiB`, met: big.peakRssMb * 1.048576 <= 250 }
      : unknown(why('backlog-1m'))),
  });
  const scale = ratios.backlog1mToBacklog10k ?? null;
  const partial = big?.reason?.startsWith('partial')
    ? ' (1M drain stopped at the time limit; rate until then)'
    : '';
  checks.push({
    area: '1M backlog vs 10k backlog',
    target: 'throughput ≥ 80%',
    ...(scale !== null
      ? {
          measured: `${pct(scale)}: ${fmt(big!.perSecond!)}/s vs ${fmt(rate(scenarios, 'backlog-10k')!)}/s${partial}`,
          met: scale >= 0.8,
        }
      : unknown(why('backlog-1m'))),
  });

  const pg = rate(scenarios, 'drain-postgres-2-workers');
  checks.push({
    area: 'PostgreSQL drain, two worker processes',
    target: '≥ 5,000 deliveries/s',
    ...(pg !== null
      ? { measured: `${fmt(pg)} deliveries/s`, met: pg >= 5_000 }
      : unknown(why('drain-postgres-2-workers'))),
  });
  return checks;
}
