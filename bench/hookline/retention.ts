import type { BenchContext } from './context.js';
import { measurePurgeLatency } from './purge-latency.js';
import type { Step } from './scenarios.js';
import { measureSteadySize } from './steady-size.js';

/** Retention: delivery p99 without and during a purge (back to back), and size under steady traffic. */
export function retentionSteps(ctx: BenchContext): Step[] {
  return [
    {
      ids: ['retention-latency-baseline', 'retention-latency-purge'],
      run: () => measurePurgeLatency(ctx),
    },
    { ids: ['retention-steady-size'], run: async () => [await measureSteadySize(ctx.plan)] },
  ];
}
