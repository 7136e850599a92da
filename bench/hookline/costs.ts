import type { PayloadFilter } from '../../src/domain/payload-filter.js';
import type { BenchContext } from './context.js';
import { measureSqliteDrain, type DrainSpec } from './drain.js';
import { measureFilterIngest } from './filter-ingest.js';
import { measureFilterMatching } from './filter-matching.js';
import { measureMetricsOverhead } from './metrics-overhead.js';
import type { Step } from './scenarios.js';
import type { ScenarioResult } from '../lib/results.js';
import { startSink } from '../lib/sink-server.js';

/**
 * A filter of the kind a messaging customer writes, that every bench payload matches (so both
 * sides of the comparison write the same deliveries and only the matching differs).
 */
export const BENCH_FILTER: PayloadFilter = {
  event: { $in: ['delivered', 'seen', 'failed'] },
  timestamp: { $gte: 1_600_000_000_000 },
  chat_hostname: { $startsWith: 'SN-' },
  $or: [{ user_id: { $exists: true } }, { sender: { $exists: true } }],
};

/**
 * What features cost, each pair measured back to back in one step so that the machine's load
 * hits both sides alike: per-key ordering against parallel delivery, payload filters on 100
 * endpoints against none, and recording metrics against not recording them.
 */
export function costSteps(ctx: BenchContext): Step[] {
  const { plan } = ctx;
  const drain = (id: string, label: string, extra: Partial<DrainSpec>): DrainSpec => ({
    id,
    group: 'cost',
    label,
    ...plan.costs.ordering,
    payloadBytes: plan.payloadBytes,
    failRatio: 0,
    ...extra,
  });
  return [
    {
      ids: ['cost-parallel', 'cost-per-key'],
      run: async () => {
        const parallel = drain('cost-parallel', 'Drain, parallel', {});
        const perKey = drain('cost-per-key', 'Drain, per-key ordering', {
          ordering: 'per-key',
          orderingKeys: plan.costs.orderingKeys,
        });
        // A B B A: a drift in the machine's load hits both sides alike.
        const runs: ScenarioResult[] = [];
        for (const spec of [parallel, perKey, perKey, parallel])
          runs.push(await measureSqliteDrain(ctx, spec));
        return [combine(parallel.id, runs), combine(perKey.id, runs)];
      },
    },
    {
      ids: ['cost-ingest-no-filter', 'cost-ingest-filters', 'cost-filter-matching'],
      run: async () => [
        ...(await measureFilterIngest(ctx, plan.costs.filterEndpoints, BENCH_FILTER)),
        measureFilterMatching(
          plan.costs.filterEndpoints,
          BENCH_FILTER,
          plan.payloadBytes,
          plan.costs.filterIterations,
        ),
      ],
    },
    {
      ids: ['cost-tracing-off', 'cost-tracing-on'],
      run: async () => {
        const sink = await startSink();
        try {
          const off = drain('cost-tracing-off', 'Drain, tracing off', {});
          const on = drain('cost-tracing-on', 'Drain, tracing on (every trace sampled)', {
            env: { HOOKLINE_OTLP_TRACES_URL: `${sink.url}/v1/traces` },
          });
          const runs: ScenarioResult[] = [];
          for (const spec of [off, on, on, off]) runs.push(await measureSqliteDrain(ctx, spec));
          const results = [combine(off.id, runs), combine(on.id, runs)];
          const exported = sink.bytes();
          if (results[1]!.status === 'ok' && exported === 0)
            return [
              results[0]!,
              { ...results[1]!, status: 'error' as const, reason: 'no span reached the collector' },
            ];
          results[1]!.setup += `; ${Math.round(exported / 1024).toLocaleString('en-US')} KiB of OTLP JSON sent to a local collector`;
          return results;
        } finally {
          await sink.close();
        }
      },
    },
    {
      ids: ['metrics-overhead'],
      run: async () => [await measureMetricsOverhead(plan.costs.metricsIterations)],
    },
  ];
}

/** The runs of one scenario as one result: the mean rate, each run's rate kept in `extra`. */
function combine(id: string, runs: ScenarioResult[]): ScenarioResult {
  const mine = runs.filter((r) => r.id === id);
  const bad = mine.find((r) => r.status !== 'ok' || r.perSecond === undefined);
  if (bad) return bad;
  const rates = mine.map((r) => r.perSecond!);
  return {
    ...mine[0]!,
    setup: `${mine[0]!.setup}; ${mine.length} runs alternating with the other side, mean rate`,
    perSecond: rates.reduce((a, b) => a + b, 0) / rates.length,
    peakRssMb: Math.max(...mine.map((r) => r.peakRssMb ?? 0)),
    extra: { rates: rates.map((r) => Math.round(r)).join(' / ') },
  };
}
