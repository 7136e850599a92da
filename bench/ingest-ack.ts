/**
 * `node dist/bench/ingest-ack.js [--rates 250,1000,2000] [--seconds 4] [--rounds 1]` — the API's
 * own cost per message on SQLite: a role-api Hookline (synchronous=FULL, 1 endpoint, nothing
 * delivered) takes one message per POST /messages, first from 32 closed-loop clients (the most it
 * acknowledges per second), then from an open-loop producer at each rate (the acknowledgement's
 * latency, send start → 202). One process per round; prints one line per measurement with the
 * load average, so two builds can be run back to back and compared. Prints only.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { withBenchServer } from './hookline/bench-server.js';
import { makePlan } from './plan.js';
import { Receiver } from './receiver-client.js';
import { cpuBetween, threadCpu } from './lib/proc-threads.js';

const { values } = parseArgs({
  options: {
    rates: { type: 'string', default: '250,1000,2000' },
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '1' },
    clients: { type: 'string', default: '32' },
  },
});

const load1 = () => loadavg()[0]!.toFixed(2);
const ms = (n: number) => n.toFixed(2).padStart(7);

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const rates = values.rates.split(',').map(Number);
  const clients = Number(values.clients);
  const plan = makePlan('quick', 64);
  const receiver = await Receiver.start();
  const ctx = { plan, receiver, adminToken: `bench_${randomBytes(12).toString('hex')}` };
  try {
    for (let round = 1; round <= Number(values.rounds); round++) {
      await withBenchServer(ctx, { role: 'api' }, async (server) => {
        await server.load({ mode: 'closed', connections: clients, seconds: 1 }); // warm-up
        const pid = server.hookline.pid;
        const before = await threadCpu(pid);
        const closed = await server.load({ mode: 'closed', connections: clients, seconds });
        const threads = cpuBetween(before, await threadCpu(pid));
        // CPU µs per message: the main thread, then the busiest other (in role api, the store thread).
        const perMessage = (t: { ms: number } | undefined) =>
          Math.round(((t?.ms ?? 0) * 1000) / closed.acked);
        const main = threads.find((t) => t.tid === pid);
        const other = threads.find((t) => t.tid !== pid);
        const total = threads.reduce((sum, t) => sum + t.ms, 0);
        console.log(
          `round ${round} closed ${clients} clients: ${Math.round(closed.perSecond)} msg/s, ack p50 ${ms(closed.ackLatency.p50)} p99 ${ms(closed.ackLatency.p99)} ms, errors ${closed.errors}; CPU µs/msg main ${perMessage(main)}, busiest other ${perMessage(other)}, process ${perMessage({ ms: total })}; load ${load1()}`,
        );
        for (const rate of rates) {
          const open = await server.offer(rate, seconds);
          console.log(
            `round ${round} open ${String(rate).padStart(5)}/s: achieved ${Math.round(open.perSecond)}/s, ack p50 ${ms(open.ackLatency.p50)} p95 ${ms(open.ackLatency.p95)} p99 ${ms(open.ackLatency.p99)} max ${ms(open.ackLatency.max)} ms, errors ${open.errors}, load ${load1()}`,
          );
        }
      });
    }
  } finally {
    await receiver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
