/**
 * `node dist/bench/thread-cpu.js [--rate 400] [--seconds 8] [--rounds 2] [--env 'K=V ...' ...]` —
 * where each thread of a Hookline process (role all, SQLite) spends CPU per message under one
 * steady open-loop rate, in alternating rounds of each variant: one per `--env` (its variables set
 * for the process; '' for none), or by default delivery on its own thread
 * (HOOKLINE_DELIVERY_THREAD=on) and off. CPU time
 * per message barely depends on what else the machine runs, unlike rates and latencies: on a busy
 * machine it is the figure to compare. The busiest thread bounds the rate one process can reach.
 * Context switches per message (all threads: each a sleep and a wake-up, or a turn lost to another
 * thread) tell how much of that CPU is waking up: on a VM, waking a sleeping thread is dear.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { withBenchServer } from './hookline/bench-server.js';
import { cpuBetween, switchesBetween, threadCpu, threadSwitches } from './lib/proc-threads.js';
import { waitCommitted } from './hookline/wait-committed.js';
import { summarize } from './lib/percentiles.js';
import { makePlan } from './plan.js';
import { Receiver } from './receiver-client.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '400' },
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '2' },
    env: { type: 'string', multiple: true, default: [] },
  },
});

/** One variant's environment from 'K=V K2=V2'; refuses a word without '='. */
function envOf(text: string): Record<string, string> {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const bad = words.find((w) => w.indexOf('=') <= 0);
  if (bad !== undefined) throw new Error(`--env: "${bad}" is not NAME=value`);
  return Object.fromEntries(
    words.map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]),
  );
}

const variants =
  values.env.length > 0
    ? values.env.map((text) => ({ name: text || '(none)', env: envOf(text) }))
    : ['on', 'off'].map((mode) => ({
        name: `thread ${mode}`,
        env: { HOOKLINE_DELIVERY_THREAD: mode },
      }));

async function main(): Promise<void> {
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  const plan = makePlan('quick', 64);
  const receiver = await Receiver.start();
  const ctx = { plan, receiver, adminToken: `bench_${randomBytes(12).toString('hex')}` };
  console.log(`load average ${loadavg()[0]!.toFixed(2)}; ${rate} msg/s for ${seconds} s`);
  try {
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const variant of variants) {
        await withBenchServer(ctx, { env: variant.env }, async (server) => {
          const pid = server.hookline.pid;
          const drain = async (acked: number) =>
            waitCommitted(receiver, server.progress, acked, { limitMs: 60_000 });
          await receiver.configure({ record: true, keyHeader: 'webhook-id' });
          await receiver.reset();
          await drain((await server.offer(Math.min(rate, 200), 2)).acked); // warm-up
          await receiver.reset();
          const before = await threadCpu(pid);
          const switchesBefore = await threadSwitches(pid);
          const load = await server.offer(rate, seconds);
          await drain(load.acked);
          const after = await threadCpu(pid);
          const switches = switchesBetween(switchesBefore, await threadSwitches(pid));
          const { arrivals } = await receiver.arrivals();
          const latency = summarize(
            load.ids.flatMap((id, i) => {
              const at = arrivals.get(id);
              return at === undefined ? [] : [at - load.scheduledAt[i]!];
            }),
          );
          const perK = (ms: number) => ((ms / load.acked) * 1000).toFixed(0);
          const threads = cpuBetween(before, after);
          const total = threads.reduce((sum, t) => sum + t.ms, 0);
          const main = threads.find((t) => t.tid === pid)?.ms ?? 0;
          const others = threads
            .filter((t) => t.tid !== pid)
            .slice(0, 3)
            .map((t) => `tid+${t.tid - pid}: ${perK(t.ms)}`);
          console.log(
            `${variant.name} | ${load.acked} msgs at ${Math.round(load.perSecond)}/s | CPU ms per 1,000 msgs: process ${perK(total)}, main ${perK(main)}, ${others.join(', ')} | context switches per msg ${(switches / load.acked).toFixed(1)} | p50 ${latency.p50} ms p99 ${latency.p99} ms, ack p99 ${load.ackLatency.p99} ms | peak RSS ${Math.round(await server.hookline.peakRssMb())} MiB | load ${loadavg()[0]!.toFixed(2)}`,
          );
          await receiver.configure({ record: false });
        });
      }
    }
  } finally {
    await receiver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
