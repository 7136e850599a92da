/**
 * What the bench's own processes cost in CPU per message on this machine, where they share the
 * cores with the system they measure, and the floor of any Node.js system doing the same hops:
 *
 * - the producer (`hookline/load-generator.ts`, 32 clients, closed loop) posting to the simplest
 *   Node.js API (node:http, JSON.parse of the body, a 202 with an id): the producer's cost and the
 *   floor of an API's;
 * - undici (`raw-ceiling.ts`, 64 in flight) posting to the bench receiver: the receiver's cost and
 *   the floor of a sender's.
 *
 * `npm run bench` records it (id `harness-cost`) next to the sweep, whose report turns it into a
 * budget per target rate (report/cpu-budget.ts). Alone:
 *
 *   node dist/bench/harness-cost.js [--seconds 6] [--repeat 3]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { LoadParams, LoadResult } from './hookline/load-generator.js';
import { startChildService } from './lib/child-task.js';
import { processCpuMs } from './lib/proc-threads.js';
import { failed, type ScenarioResult } from './lib/results.js';
import type { RawCeilingParams, RawCeilingResult } from './raw-ceiling.js';
import { Receiver } from './receiver-client.js';
import { budgetLine, cpuBudget, HARNESS_COST_ID } from './report/cpu-budget.js';

/** Median CPU µs per message of each process, and the rates each pair reached. */
export interface HarnessCost {
  producerUs: number;
  apiFloorUs: number;
  senderFloorUs: number;
  receiverUs: number;
  ingestPerSecond: number;
  deliverPerSecond: number;
}

/** The simplest API a producer could post to: parse the JSON, answer 202 with an id. */
function serveTrivialApi(): void {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { eventType?: string };
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `msg_${randomUUID()}`, eventType: body.eventType }));
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address && typeof address === 'object') process.send!({ port: address.port });
  });
  process.on('disconnect', () => process.exit(0));
}

function startTrivialApi(): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(import.meta.url), ['--trivial-api'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the trivial API exited early (${code})`)));
    child.once('message', (m: { port: number }) => resolve({ child, port: m.port }));
  });
}

interface Sample {
  perSecond: number;
  /** CPU µs per message, by process. */
  us: number[];
}

/** Runs `work` and charges each pid's CPU over it to the messages it handled. */
async function sample(
  pids: number[],
  work: () => Promise<{ messages: number; perSecond: number }>,
): Promise<Sample> {
  const before = await Promise.all(pids.map(processCpuMs));
  const { messages, perSecond } = await work();
  const after = await Promise.all(pids.map(processCpuMs));
  return { perSecond, us: pids.map((_, i) => ((after[i]! - before[i]!) * 1000) / messages) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

const medianOf = (samples: Sample[], pick: (s: Sample) => number) => median(samples.map(pick));

/** Measures both pairs `repeat` times, `seconds` of posting each for the producer. */
export async function measureHarnessCost(
  receiver: Receiver,
  { seconds, repeat }: { seconds: number; repeat: number },
): Promise<HarnessCost> {
  const api = await startTrivialApi();
  const producer = startChildService<LoadParams, LoadResult>(
    new URL('./hookline/load-generator.js', import.meta.url),
  );
  const sender = startChildService<RawCeilingParams, RawCeilingResult>(
    new URL('./raw-ceiling.js', import.meta.url),
  );
  try {
    const load: LoadParams = {
      baseUrl: `http://127.0.0.1:${api.port}`,
      apiKey: 'unused',
      appId: 'app_unused',
      eventType: 'message.created',
      payloadBytes: 1024,
      mode: 'closed',
      connections: 32,
      seconds: 2,
    };
    await producer.run(load); // warm-up: JIT of both sides, connections
    const ingest: Sample[] = [];
    for (let i = 0; i < repeat; i++)
      ingest.push(
        await sample([producer.pid, api.child.pid!], async () => {
          const r = await producer.run({ ...load, seconds });
          if (r.errors > 0) throw new Error(`${r.errors} posts failed, first: ${r.firstError}`);
          return { messages: r.acked, perSecond: r.perSecond };
        }),
      );

    await receiver.configure({ failRatio: 0, latencyMs: 0, record: false });
    const posts: RawCeilingParams = {
      url: receiver.url('/'),
      requests: Math.max(4_000, Math.round(seconds * 5_000)),
      concurrency: 64,
      payloadBytes: 1024,
    };
    await sender.run({ ...posts, requests: 4_000 }); // warm-up
    const deliver: Sample[] = [];
    for (let i = 0; i < repeat; i++)
      deliver.push(
        await sample([sender.pid, receiver.pid], async () => {
          const r = await sender.run(posts);
          if (r.failed > 0) throw new Error(`${r.failed} of the raw posts failed`);
          // raw-ceiling first sends an untimed warm-up of a quarter as many, at most 10,000.
          const warmup = Math.min(10_000, Math.ceil(r.requests / 4));
          return { messages: r.requests + warmup, perSecond: r.perSecond };
        }),
      );
    return {
      producerUs: medianOf(ingest, (s) => s.us[0]!),
      apiFloorUs: medianOf(ingest, (s) => s.us[1]!),
      ingestPerSecond: medianOf(ingest, (s) => s.perSecond),
      senderFloorUs: medianOf(deliver, (s) => s.us[0]!),
      receiverUs: medianOf(deliver, (s) => s.us[1]!),
      deliverPerSecond: medianOf(deliver, (s) => s.perSecond),
    };
  } finally {
    api.child.kill();
    await producer.close();
    await sender.close();
  }
}

/** The bench's line: the figures go in `extra`, for the sweep report's budgets. */
export async function harnessCostScenario(
  receiver: Receiver,
  seconds: number,
): Promise<ScenarioResult> {
  const base = {
    id: HARNESS_COST_ID,
    group: 'sweep' as const,
    label: "The harness's own CPU: producer → node:http 202, undici → receiver",
    setup: `32 producer clients for ${seconds} s against the simplest Node.js API; undici, 64 in flight, to the bench receiver; 1 KiB`,
  };
  try {
    const cost = await measureHarnessCost(receiver, { seconds, repeat: 1 });
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      ...base,
      status: 'ok',
      perSecond: cost.ingestPerSecond,
      unit: 'messages/s',
      extra: {
        machineCores: availableParallelism(),
        producerUs: round(cost.producerUs),
        apiFloorUs: round(cost.apiFloorUs),
        senderFloorUs: round(cost.senderFloorUs),
        receiverUs: round(cost.receiverUs),
        deliverPerSecond: Math.round(cost.deliverPerSecond),
      },
    };
  } catch (error) {
    return failed(base, error);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '6' },
      repeat: { type: 'string', default: '3' },
    },
  });
  const seconds = Number(values.seconds);
  const repeat = Number(values.repeat);
  if (!(seconds > 0) || !Number.isInteger(repeat) || repeat < 1)
    throw new Error('--seconds must be a positive number and --repeat a positive integer');
  const receiver = await Receiver.start();
  try {
    const cost = await measureHarnessCost(receiver, { seconds, repeat });
    const us = (n: number) => Math.round(n);
    const rate = (n: number) => Math.round(n).toLocaleString('en-US');
    console.log(
      `producer → node:http 202, 32 clients: ${rate(cost.ingestPerSecond)}/s; CPU µs per message: producer ${us(cost.producerUs)}, API ${us(cost.apiFloorUs)}`,
    );
    console.log(
      `undici → bench receiver, 64 in flight: ${rate(cost.deliverPerSecond)}/s; CPU µs per message: sender ${us(cost.senderFloorUs)}, receiver ${us(cost.receiverUs)}`,
    );
    const cores = availableParallelism();
    console.log(`(medians of ${repeat}) Budgets on ${cores} cores:`);
    for (const r of [10_000, 20_000])
      console.log(
        `- ${budgetLine('ingest', cpuBudget(cores, r, cost.producerUs), cost.apiFloorUs)}`,
      );
    const harness = cost.producerUs + cost.receiverUs;
    const floor = cost.apiFloorUs + cost.senderFloorUs;
    for (const r of [3_000, 5_000, 12_000])
      console.log(`- ${budgetLine('ingest and delivery', cpuBudget(cores, r, harness), floor)}`);
  } finally {
    await receiver.close();
  }
}

if (process.argv.includes('--trivial-api')) serveTrivialApi();
else if (process.argv[1] === fileURLToPath(import.meta.url))
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
