import type { ChildProcess } from 'node:child_process';
import type { RedisTarget } from '../bullmq-baseline.js';
import { size } from '../lib/format.js';
import type { ScenarioResult } from '../lib/results.js';
import type { BenchContext } from '../hookline/context.js';
import type { BullmqServerParams } from './bullmq-server.js';
import { startChildServer, stopChildServer } from './child-server.js';
import { childSweepTarget } from './child-target.js';
import { runSweep } from './run-sweep.js';
import { sweepNotRun, sweepResults } from './step-results.js';

/** The same sweep (producer, receiver, rates) against BullMQ: see bullmq-server.ts. */
export async function sweepBullmq(
  ctx: BenchContext,
  redis: RedisTarget,
  redisProblem: string | null,
): Promise<ScenarioResult[]> {
  const { plan, receiver } = ctx;
  const setup = `the same producer, rates and receiver; one process with a node:http API (a 202 once the job is in Redis) and a BullMQ worker at concurrency ${plan.concurrency} POSTing with undici (its CPU per message is this process's, not the Redis server's)`;
  if (redisProblem) return sweepNotRun('bullmq', setup, { skipped: redisProblem });
  let child: ChildProcess | null = null;
  try {
    const server = await startChildServer<BullmqServerParams>(
      new URL('./bullmq-server.js', import.meta.url),
      {
        redis,
        url: receiver.url('/ep/0'),
        concurrency: plan.concurrency,
        attempts: plan.retry.attempts,
        backoffMs: plan.retry.backoffMs,
      },
    );
    child = server.child;
    // Its CPU is its process's only: the Redis server's is not counted.
    const steps = await runSweep(receiver, childSweepTarget(receiver, 'bullmq', server), {
      ...plan.sweep,
      payloadBytes: plan.payloadBytes,
    });
    return sweepResults('bullmq', `${setup}, ${size(plan.payloadBytes)}`, steps);
  } catch (error) {
    return sweepNotRun('bullmq', setup, { error });
  } finally {
    if (child) await stopChildServer(child);
  }
}
