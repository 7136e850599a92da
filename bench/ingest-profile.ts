/**
 * `node dist/bench/ingest-profile.js [--seconds 8] [--docs]` — where one single-message ingest
 * request spends its time: a role-api Hookline (SQLite, synchronous=FULL) under --cpu-prof takes
 * POST /messages from 32 concurrent clients; prints CPU per message by thread and the main
 * thread's profile over the measured window only (start-up and warm-up left out). With --docs,
 * writes that section of docs/benchmarks.md (a full `npm run bench` keeps it).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { withBenchServer } from './hookline/bench-server.js';
import { cpuBetween, threadCpu } from './lib/proc-threads.js';
import { docsDir } from './lib/paths.js';
import { makePlan } from './plan.js';
import { Receiver } from './receiver-client.js';
import {
  renderIngestProfile,
  spliceIngestProfile,
  type IngestProfile,
} from './report/ingest-profile-section.js';
import { readProfileDir, summarizeProfile } from './report/profile-summary.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    docs: { type: 'boolean', default: false },
  },
});

const CLIENTS = 32;
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const plan = makePlan('quick', 64);
  const receiver = await Receiver.start();
  const profileDir = await mkdtemp(join(tmpdir(), 'hookline-ingest-prof-'));
  const ctx = { plan, receiver, adminToken: `bench_${randomBytes(12).toString('hex')}` };
  const loadStart = loadavg()[0]!;
  try {
    const measured = await withBenchServer(
      ctx,
      { role: 'api', nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profileDir] },
      async (server) => {
        const pid = server.hookline.pid;
        const run = (s: number) =>
          server.load({ mode: 'closed', connections: CLIENTS, seconds: s });
        await run(2); // warm-up: JIT, connections, SQLite page cache
        const before = await threadCpu(pid);
        const fromUs = nowUs();
        const load = await run(seconds);
        const toUs = nowUs();
        const after = await threadCpu(pid);
        if (load.errors > 0) throw new Error(`${load.errors} requests failed: ${load.firstError}`);
        return { pid, load, before, after, window: { fromUs, toUs } };
      },
    );
    const { pid, load, before, after, window } = measured;
    const threads = cpuBetween(before, after);
    const profiles = await readProfileDir(profileDir);
    const mainProfile = profiles.find((p) => p.thread === 'main');
    if (!mainProfile) throw new Error('no profile of the main thread');
    // The store thread is the one worker thread of a role-api process; the rest are V8's helpers.
    const storeTid = threads.find((t) => t.tid !== pid && t.name === 'node' && t.ms >= 50);
    const label = (t: (typeof threads)[number]) =>
      t.tid === pid
        ? 'main (HTTP API)'
        : t === storeTid
          ? 'the busiest other (in role api: the SQLite store thread)'
          : `${t.name} (tid +${t.tid - pid})`;
    const result: IngestProfile = {
      measuredAt: new Date().toISOString(),
      command: `node dist/bench/ingest-profile.js --seconds ${seconds}${values.docs ? ' --docs' : ''}`,
      cores: (await import('node:os')).cpus().length,
      loadAverage: { start: Number(loadStart.toFixed(2)), end: Number(loadavg()[0]!.toFixed(2)) },
      setup: `role api, SQLite synchronous=FULL, ${CLIENTS} concurrent clients for ${seconds} s after a 2 s warm-up, one 1 KiB message per POST /messages, 1 endpoint, API rate limit off`,
      acked: load.acked,
      perSecond: load.perSecond,
      ackP99Ms: load.ackLatency.p99,
      cpuPerMessage: [
        ...threads.slice(0, 6).map((t) => ({
          thread: label(t),
          us: (t.ms * 1000) / load.acked,
        })),
        {
          thread: 'whole process',
          us: (threads.reduce((sum, t) => sum + t.ms, 0) * 1000) / load.acked,
        },
      ],
      main: summarizeProfile(mainProfile.profile, 20, window),
    };
    const section = renderIngestProfile(result);
    console.log(section.join('\n'));
    if (values.docs) {
      const docPath = join(docsDir, 'benchmarks.md');
      await writeFile(docPath, spliceIngestProfile(await readFile(docPath, 'utf8'), section));
      console.log(`bench: wrote the ingest profile section of ${docPath}`);
    }
  } finally {
    await receiver.close();
    await rm(profileDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
