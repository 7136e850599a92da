import { fork, type ChildProcess } from 'node:child_process';
import type { RedisTarget } from '../bullmq-baseline.js';
import { size } from '../lib/format.js';
import type { ScenarioResult } from '../lib/results.js';
import { readStatusKb } from '../hookline/process.js';
import type { BenchContext } from '../hookline/context.js';
import type { BullmqServerMessage, BullmqServerParams } from './bullmq-server.js';
import { runSweep } from './run-sweep.js';
import { sweepNotRun, sweepResults } from './step-results.js';

/** Starts bench/sweep/bullmq-server.js and waits until it listens. */
async function startServer(
  params: BullmqServerParams,
): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(new URL('./bullmq-server.js', import.meta.url), [], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: BullmqServerMessage) =>
      m.op === 'ready' ? resolve(m.port) : reject(new Error(`bullmq server: ${JSON.stringify(m)}`)),
    );
    child.once('exit', (code) => reject(new Error(`bullmq server exited (code ${code})`)));
    child.send(params);
  });
  return { child, port };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.connected) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ op: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** The same sweep (producer, receiver, rates) against BullMQ: see bullmq-server.ts. */
export async function sweepBullmq(
  ctx: BenchContext,
  redis: RedisTarget,
  redisProblem: string | null,
): Promise<ScenarioResult[]> {
  const { plan, receiver } = ctx;
  const setup = `the same producer, rates and receiver; one process with a node:http API (a 202 once the job is in Redis) and a BullMQ worker at concurrency ${plan.concurrency} POSTing with undici`;
  if (redisProblem) return sweepNotRun('bullmq', setup, { skipped: redisProblem });
  let child: ChildProcess | null = null;
  try {
    const server = await startServer({
      redis,
      url: receiver.url('/ep/0'),
      concurrency: plan.concurrency,
      attempts: plan.retry.attempts,
      backoffMs: plan.retry.backoffMs,
    });
    child = server.child;
    const pid = child.pid!;
    const steps = await runSweep(
      receiver,
      {
        baseUrl: `http://127.0.0.1:${server.port}`,
        apiKey: 'unused',
        appId: 'bullmq',
        drained: (acked, limitMs) =>
          receiver.waitForOk(acked, limitMs).then(
            () => true,
            () => false,
          ),
        peakRssMb: async () => (await readStatusKb(pid, 'VmHWM')) / 1024,
      },
      { ...plan.sweep, payloadBytes: plan.payloadBytes },
    );
    return sweepResults('bullmq', `${setup}, ${size(plan.payloadBytes)}`, steps);
  } catch (error) {
    return sweepNotRun('bullmq', setup, { error });
  } finally {
    if (child) await stopServer(child);
  }
}
