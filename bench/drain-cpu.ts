/**
 * `node dist/bench/drain-cpu.js [--cli a/dist/src/cli/main.js,b/dist/src/cli/main.js]
 * [--rounds 2] [--profile-dir DIR] [--env 'KEY=VALUE ...']` — the quick plan's backlog drain
 * (bench/hookline/drain.ts: 1,500 messages × 10 endpoints, 1 KiB, role all) with the CPU each
 * thread of the Hookline process spent per delivery, from /proc: from the 5,000th arrival on, and
 * the whole process's since its spawn (start-up included). With several builds (`--cli`), rounds
 * alternate between them (A, B, A, B), so a comparison shares the machine's minutes. CPU per
 * delivery barely depends on what else the machine runs; the rate does.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { withDataDir } from './hookline/context.js';
import { HooklineProcess } from './hookline/process.js';
import { seedSqlite } from './hookline/seed.js';
import { SqliteProgress } from './hookline/sqlite-progress.js';
import { waitCommitted } from './hookline/wait-committed.js';
import { freePort } from './lib/free-port.js';
import { cliMain } from './lib/paths.js';
import { cpuBetween, threadCpu } from './lib/proc-threads.js';
import { makePlan } from './plan.js';
import { Receiver } from './receiver-client.js';

const { values } = parseArgs({
  options: {
    cli: { type: 'string', default: cliMain },
    rounds: { type: 'string', default: '2' },
    'profile-dir': { type: 'string' },
    /** KEY=VALUE for the Hookline process; several separated by spaces. */
    env: { type: 'string', default: '' },
  },
});

/** Per-delivery CPU is counted from this many arrivals on. */
const WINDOW_FROM = 5_000;

async function main(): Promise<void> {
  const clis = values.cli.split(',');
  const plan = makePlan('quick', 64);
  const receiver = await Receiver.start();
  const adminToken = `bench_${randomBytes(12).toString('hex')}`;
  console.log(`load average ${loadavg()[0]!.toFixed(2)}`);
  try {
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const [i, cli] of clis.entries()) {
        await withDataDir(async (dataDir) => {
          const seeded = await seedSqlite({
            dataDir,
            receiverUrl: receiver.url('/'),
            endpoints: plan.drain.endpoints,
            messages: plan.drain.messages,
            payloadBytes: plan.payloadBytes,
            maxConcurrency: Math.min(1000, plan.concurrency),
            retryPolicy: { preset: 'standard' },
          });
          await receiver.configure({ failRatio: 0, latencyMs: 0, record: false });
          await receiver.reset();
          const spawnedAt = performance.now();
          const hookline = await HooklineProcess.start({
            port: await freePort(),
            args: ['--data-dir', dataDir],
            adminToken,
            cli,
            env: Object.fromEntries(
              values.env
                .split(' ')
                .filter(Boolean)
                .map((pair) => [
                  pair.slice(0, pair.indexOf('=')),
                  pair.slice(pair.indexOf('=') + 1),
                ]),
            ),
            nodeArgs: values['profile-dir']
              ? ['--cpu-prof', '--cpu-prof-dir', values['profile-dir']]
              : [],
          });
          const progress = new SqliteProgress(dataDir, seeded.appId);
          try {
            const atHealthy = await threadCpu(hookline.pid);
            const bootMs = performance.now() - spawnedAt;
            const arrivedAtHealthy = await receiver.stats();
            console.log(
              `healthy ${Math.round(bootMs)} ms after the spawn, main thread CPU ${atHealthy.get(hookline.pid)?.ms} ms; ${arrivedAtHealthy.total} deliveries arrived by then, the first ${arrivedAtHealthy.firstAt === null ? '-' : Date.now() - arrivedAtHealthy.firstAt} ms before`,
            );
            // The same window for every build: from the WINDOW_FROM-th arrival (start-up and the
            // coldest code behind) to the last commit.
            await receiver.waitForOk(WINDOW_FROM, plan.drainLimitSeconds * 1000);
            const before = await threadCpu(hookline.pid);
            const receiverBefore = await threadCpu(receiver.pid);
            const wallBefore = performance.now();
            const pending = progress.remaining();
            const committed = await waitCommitted(receiver, progress, seeded.deliveries, {
              assertAlive: () => hookline.assertRunning(),
              limitMs: plan.drainLimitSeconds * 1000,
            });
            const after = await threadCpu(hookline.pid);
            const wallMs = performance.now() - wallBefore;
            const receiverMs = cpuBetween(receiverBefore, await threadCpu(receiver.pid)).reduce(
              (sum, t) => sum + t.ms,
              0,
            );
            const arrived = await receiver.stats();
            const done = pending - committed.remaining;
            const seconds = (committed.at - (arrived.firstAt ?? committed.at)) / 1000;
            const perDelivery = (ms: number) => ((ms / done) * 1000).toFixed(1);
            const threads = cpuBetween(before, after);
            const total = threads.reduce((sum, t) => sum + t.ms, 0);
            const sinceSpawn = [...after.values()].reduce((sum, t) => sum + t.ms, 0);
            const each = threads
              .slice(0, 4)
              .map(
                (t) =>
                  `${t.tid === hookline.pid ? 'main' : `tid+${t.tid - hookline.pid}`}: ${perDelivery(t.ms)}`,
              );
            console.log(
              `build ${String.fromCharCode(65 + i)} | ${Math.round(seeded.deliveries / seconds)} deliveries/s | since the spawn ${((sinceSpawn / seeded.deliveries) * 1000).toFixed(0)} µs CPU per delivery | from the ${WINDOW_FROM}th arrival, CPU µs per delivery: process ${perDelivery(total)}, ${each.join(', ')} | cores busy: Hookline ${(total / wallMs).toFixed(2)}, receiver ${(receiverMs / wallMs).toFixed(2)} (${perDelivery(receiverMs)} µs per delivery) | peak RSS ${Math.round(await hookline.peakRssMb())} MiB | load ${loadavg()[0]!.toFixed(2)}`,
            );
          } finally {
            progress.close();
            await hookline.stop();
          }
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
