/**
 * `node dist/bench/floor-probe.js [--system floor|hookline ...] [--repeat 1] [--seconds 6]
 * [--rates 1000,2000,...] [--only ingest|sweep]` — the durable floor (bench/sweep/floor-server.ts)
 * beside Hookline, under the bench's own load, the systems alternated:
 * - single-message ingest with the ingest scenario's 32 closed-loop clients (Hookline: role api):
 *   rate, ack p99 and the system's CPU per message;
 * - the open-loop sweep with the sweep's producer and receiver (Hookline: role all, defaults): per
 *   step p50, p99, ack p99, achieved rate and the system's CPU per message, and the sustainable rate
 *   at p99 ≤ 50 ms.
 * The floor is one design, its work on one JavaScript thread: what it misses, a design using both
 * cores might reach.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { withBenchServer } from './hookline/bench-server.js';
import type { BenchContext } from './hookline/context.js';
import { withProducer, type ProducerTarget } from './hookline/producer.js';
import { processesCpuMs } from './lib/proc-threads.js';
import { makePlan } from './plan.js';
import { Receiver } from './receiver-client.js';
import { withFloor } from './sweep/floor-target.js';
import { sweepTarget } from './sweep/hookline-sweep.js';
import {
  measureStep,
  sustainableRate,
  type SweepStep,
  type SweepTarget,
} from './sweep/run-sweep.js';

const { values } = parseArgs({
  options: {
    system: { type: 'string', multiple: true, default: ['floor', 'hookline'] },
    repeat: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '6' },
    rates: { type: 'string' },
    only: { type: 'string' },
    /** Hookline runs under --cpu-prof, writing its profiles here. */
    'profile-dir': { type: 'string' },
  },
});

const CLIENTS = 32;
const OBJECTIVE_MS = 50;

/** `floor`, `hookline`, or `hookline:K=V,K=V` (Hookline with that environment). */
type System = string;

/** A system under test, started for one measurement: where to post, and its process. */
interface Running {
  target: SweepTarget;
  pid: number;
}

function withSystem<T>(
  ctx: BenchContext,
  system: System,
  deliver: boolean,
  fn: (running: Running) => Promise<T>,
): Promise<T> {
  if (system === 'floor') return withFloor(ctx, deliver, (target, pid) => fn({ target, pid }));
  const env = Object.fromEntries(
    (system.split(':')[1] ?? '')
      .split(',')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  const profileDir = values['profile-dir'];
  const nodeArgs = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  return withBenchServer(ctx, { env, nodeArgs, ...(deliver ? {} : { role: 'api' }) }, (server) =>
    fn({ target: sweepTarget(ctx, server), pid: server.hookline.pid }),
  );
}

async function ingest(ctx: BenchContext, system: System, seconds: number): Promise<void> {
  await withSystem(ctx, system, false, async ({ target, pid }) => {
    await withProducer(target as ProducerTarget, ctx.plan.payloadBytes, async (producer) => {
      await producer.load({ mode: 'closed', connections: CLIENTS, seconds: 2 });
      const before = await processesCpuMs([pid]);
      const load = await producer.load({ mode: 'closed', connections: CLIENTS, seconds });
      const after = await processesCpuMs([pid]);
      if (before === null || after === null) throw new Error(`${system} exited during the run`);
      const cpuMs = after - before;
      if (load.errors > 0) throw new Error(`${load.errors} requests failed: ${load.firstError}`);
      console.log(
        `${system.padEnd(10)} ingest, ${CLIENTS} clients: ${Math.round(load.perSecond)} msg/s, ` +
          `ack p50 ${load.ackLatency.p50.toFixed(2)} p99 ${load.ackLatency.p99.toFixed(2)} ms, ` +
          `${Math.round((cpuMs * 1000) / load.acked)} µs CPU/msg, ${(cpuMs / 1000 / seconds).toFixed(2)} cores`,
      );
    });
  });
}

async function sweep(ctx: BenchContext, system: System, rates: number[]): Promise<void> {
  const { plan, receiver } = ctx;
  const settings = { ...plan.sweep, payloadBytes: plan.payloadBytes };
  await receiver.configure({ failRatio: 0, latencyMs: 0, record: true, keyHeader: 'webhook-id' });
  try {
    await withSystem(ctx, system, true, async ({ target, pid }) => {
      await withProducer(target, settings.payloadBytes, async (producer) => {
        await receiver.reset();
        const warm = await producer.offer(settings.warmupRate, settings.warmupSeconds);
        if (!(await target.drained(warm.acked, settings.drainLimitSeconds * 1000)))
          throw new Error('the warm-up did not drain');
        const steps: SweepStep[] = [];
        for (const rate of rates) {
          const before = await processesCpuMs([pid]);
          const s = await measureStep(receiver, target, producer, { ...settings, rate });
          const after = await processesCpuMs([pid]);
          if (before === null || after === null) throw new Error(`${system} exited during the run`);
          const cpuMs = after - before;
          steps.push(s);
          console.log(
            `${system.padEnd(10)} ${String(rate).padStart(5)}/s: achieved ${Math.round(s.achieved)}/s, ` +
              `p50 ${s.latency.p50.toFixed(1)} p99 ${s.latency.p99.toFixed(1)} ms, ack p99 ${s.ack.p99.toFixed(1)} ms, ` +
              `${Math.round((cpuMs * 1000) / Math.max(1, s.acked))} µs CPU/msg${s.saturated ? ' (saturated)' : ''}`,
          );
          if (s.saturated) break;
        }
        console.log(
          `${system.padEnd(10)} sustainable at p99 ≤ ${OBJECTIVE_MS} ms: ${sustainableRate(steps, OBJECTIVE_MS)}/s`,
        );
      });
    });
  } finally {
    await receiver.configure({ record: false });
  }
}

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const repeat = Number(values.repeat);
  if (!(seconds > 0)) throw new Error(`--seconds ${values.seconds}: must be a positive number`);
  if (!(Number.isInteger(repeat) && repeat > 0))
    throw new Error(`--repeat ${values.repeat}: must be a positive whole number`);
  if (values.only !== undefined && !['ingest', 'sweep'].includes(values.only))
    throw new Error(`--only ${values.only}: must be ingest or sweep`);
  const systems = values.system.map((s) => {
    if (!/^(floor|hookline(:[A-Z_]+=[^,]*(,[A-Z_]+=[^,]*)*)?)$/.test(s))
      throw new Error(`--system ${s}: must be floor, hookline or hookline:K=V,K=V`);
    return s;
  });
  const plan = makePlan('quick', 64);
  const rates = values.rates ? values.rates.split(',').map(Number) : plan.sweep.rates;
  if (!rates.every((r) => Number.isInteger(r) && r > 0))
    throw new Error(`--rates ${values.rates}: must be positive whole numbers, comma-separated`);
  const receiver = await Receiver.start();
  const ctx: BenchContext = {
    plan,
    receiver,
    adminToken: `bench_${randomBytes(12).toString('hex')}`,
  } as BenchContext;
  try {
    for (let i = 0; i < repeat; i++)
      for (const system of systems) {
        console.log(`-- ${system}, load average ${loadavg()[0]!.toFixed(2)}`);
        if (values.only !== 'sweep') await ingest(ctx, system, seconds);
        if (values.only !== 'ingest') await sweep(ctx, system, rates);
      }
  } finally {
    await receiver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
