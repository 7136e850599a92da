/**
 * `node dist/bench/tail-probe.js [--rate 500] [--seconds 10] [--settle 0] [--env K=V ...] [--node-arg A ...]` —
 * where a steady open-loop rate's tail latency comes from: one Hookline process (role all, SQLite,
 * defaults), one rate held, then the stalls listed in time order (100 ms windows whose slowest
 * acknowledgement or arrival is past 20 ms), so a periodic cause (a sweep, a checkpoint, the
 * collector) shows as a period. Prints the load average beside the figures.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { withBenchServer } from './hookline/bench-server.js';
import { waitCommitted } from './hookline/wait-committed.js';
import { summarize } from './lib/percentiles.js';
import { makePlan } from './plan.js';
import { Receiver } from './receiver-client.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '10' },
    env: { type: 'string', multiple: true, default: [] },
    'node-arg': { type: 'string', multiple: true, default: [] },
    'stall-ms': { type: 'string', default: '20' },
    /** Seconds at the start of each run left out of the figures (the JIT still warming up);
     * send→ack, counted over the whole run, is then not printed. */
    settle: { type: 'string', default: '0' },
    repeat: { type: 'string', default: '1' },
    /** Writes each message's scheduled, acknowledged and arrival times (epoch ms) here, as JSON. */
    dump: { type: 'string' },
  },
});

const WINDOW_MS = 100;

/** The store writes' mean time and batch sizes from the process's own /metrics, by operation. */
async function printStoreTimes(baseUrl: string, token: string): Promise<void> {
  const res = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  const value = (name: string, op: string) =>
    Number(new RegExp(`^${name}\\{operation="${op}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  for (const op of ['insert_message', 'claim', 'record_attempts', 'release']) {
    const n = value('hookline_store_commit_seconds_count', op);
    if (!(n > 0)) continue;
    const mean = (value('hookline_store_commit_seconds_sum', op) / n) * 1000;
    const rows =
      value('hookline_store_batch_size_sum', op) / value('hookline_store_batch_size_count', op);
    console.log(
      `  store ${op}: ${n} calls, mean ${mean.toFixed(2)} ms${rows > 0 ? `, ${rows.toFixed(1)} rows each` : ''}`,
    );
  }
}

async function main(): Promise<void> {
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  const stallMs = Number(values['stall-ms']);
  const settleMs = Number(values.settle) * 1000;
  if (!(settleMs >= 0 && settleMs < seconds * 1000))
    throw new Error(`--settle ${values.settle}: must be at least 0 and less than --seconds`);
  const env = Object.fromEntries(values.env.map((kv) => kv.split('=', 2) as [string, string]));
  const plan = makePlan('quick', 64);
  const receiver = await Receiver.start();
  const ctx = { plan, receiver, adminToken: `bench_${randomBytes(12).toString('hex')}` };
  console.log(
    `load average ${loadavg()[0]!.toFixed(2)}; ${rate} msg/s for ${seconds} s; env ${JSON.stringify(env)}`,
  );
  try {
    await withBenchServer(ctx, { env, nodeArgs: values['node-arg'] }, async (server) => {
      const drain = async (acked: number) =>
        waitCommitted(receiver, server.progress, acked, { limitMs: 60_000 });
      await receiver.configure({ record: true, keyHeader: 'webhook-id' });
      await receiver.reset();
      await drain((await server.offer(Math.min(rate, 200), 2)).acked); // warm-up
      for (let run = 0; run < Number(values.repeat); run++) {
        await receiver.reset();
        const load = await server.offer(rate, seconds);
        await drain(load.acked);
        const { arrivals } = await receiver.arrivals();
        const start = load.scheduledAt[0]!;
        const e2e: number[] = [];
        const acks: number[] = [];
        const windows = new Map<number, { ack: number; e2e: number; n: number }>();
        load.ids.forEach((id, i) => {
          const scheduled = load.scheduledAt[i]!;
          if (scheduled - start < settleMs) return;
          const ack = load.ackedAt[i]! - scheduled;
          const at = arrivals.get(id);
          const total = at === undefined ? Number.POSITIVE_INFINITY : at - scheduled;
          acks.push(ack);
          e2e.push(total);
          const w = Math.floor((scheduled - start) / WINDOW_MS);
          const win = windows.get(w) ?? { ack: 0, e2e: 0, n: 0 };
          win.ack = Math.max(win.ack, ack);
          win.e2e = Math.max(win.e2e, total);
          win.n++;
          windows.set(w, win);
        });
        if (values.dump)
          writeFileSync(
            values.dump,
            JSON.stringify(
              load.ids.map((id, i) => [
                load.scheduledAt[i],
                load.ackedAt[i],
                arrivals.get(id) ?? null,
              ]),
            ),
          );
        const a = summarize(acks);
        const t = summarize(e2e);
        console.log(
          `achieved ${Math.round(load.perSecond)}/s${settleMs > 0 ? ` | from ${values.settle} s on:` : ''} | scheduled→ack p50 ${a.p50} p99 ${a.p99} max ${a.max}${settleMs > 0 ? '' : ` | send→ack p50 ${load.ackLatency.p50} p99 ${load.ackLatency.p99} max ${load.ackLatency.max}`} | scheduled→arrival p50 ${t.p50} p99 ${t.p99} max ${t.max} | peak RSS ${Math.round(await server.hookline.peakRssMb())} MiB | load ${loadavg()[0]!.toFixed(2)}`,
        );
        const stalls = [...windows]
          .filter(([, w]) => w.ack > stallMs || w.e2e > stallMs)
          .sort(([x], [y]) => x - y);
        console.log(
          `${stalls.length} of ${windows.size} windows of ${WINDOW_MS} ms stalled past ${stallMs} ms:`,
        );
        for (const [w, s] of stalls)
          console.log(
            `  t=${((w * WINDOW_MS) / 1000).toFixed(1)} s  worst ack ${s.ack.toFixed(1)} ms, worst arrival ${s.e2e.toFixed(1)} ms`,
          );
      }
      await printStoreTimes(server.hookline.baseUrl, ctx.adminToken);
      await receiver.configure({ record: false });
    });
  } finally {
    await receiver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
