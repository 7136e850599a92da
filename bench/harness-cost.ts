/**
 * What the bench's own processes cost in CPU per message on this machine, where they share the
 * cores with the system they measure, and what a bare Node.js system doing the same hops and
 * storing nothing spends. Three pairs, each at its own saturation, where a process's CPU per
 * message is usually lowest (more work per wake-up):
 *
 * - the producer (`hookline/load-generator.ts`) in closed loop, 32 clients, as the ingest scenario
 *   runs it, posting to a bare API (node:http, JSON.parse of the body, a 202 with an id);
 * - the same producer in open loop on 64 connections, as the sweep runs it (it also parses each
 *   answer and keeps the ids), at `openRate`;
 * - a bare undici sender (`dispatch` with a handler that keeps nothing, 64 in flight, the headers
 *   of a signed delivery) posting to the bench receiver, which records each arrival as in the sweep.
 *
 * `npm run bench` records it (id `harness-cost`) next to the sweep, whose report turns it into a
 * budget per missed target rate (report/cpu-budget.ts). Alone:
 *
 *   node dist/bench/harness-cost.js [--seconds 4] [--repeat 3] [--open-rate 8000]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Pool, type Dispatcher } from 'undici';
import type { LoadParams, LoadResult } from './hookline/load-generator.js';
import { startChildService, type ChildService } from './lib/child-task.js';
import { makePayload } from './lib/payload.js';
import { processMs } from './lib/proc-threads.js';
import { failed, type ScenarioResult } from './lib/results.js';
import { epochNow } from './lib/timing.js';
import { Receiver } from './receiver-client.js';
import { BARE_API, budgetLine, cpuBudget, HARNESS_COST_ID } from './report/cpu-budget.js';

/** Median CPU µs per message of each process, and the rate each pair reached. */
export interface HarnessCost {
  /** The producer in closed loop (the ingest scenario's). */
  producerClosedUs: number;
  /** The producer in open loop (the sweep's). */
  producerOpenUs: number;
  apiFloorUs: number;
  senderFloorUs: number;
  /** The receiver recording arrivals (the sweep's). */
  receiverUs: number;
  ingestPerSecond: number;
  openPerSecond: number;
  deliverPerSecond: number;
}

export interface HarnessCostOptions {
  seconds: number;
  repeat: number;
  /** The open-loop producer's offered rate, messages/s. */
  openRate: number;
}

/** The bare API a producer could post to: parse the JSON, answer 202 with an id. */
function serveBareApi(): void {
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

interface SendTask {
  url: string;
  requests: number;
  concurrency: number;
}

/** The bare sender: undici's dispatch, a handler that keeps nothing, a fresh webhook-id each. */
function serveBareSender(): void {
  const body = makePayload(1024);
  const pools = new Map<string, Pool>();
  let sequence = 0;
  const post = (pool: Pool, path: string) =>
    new Promise<number>((resolve, reject) => {
      let status = 0;
      const handler: Dispatcher.DispatchHandler = {
        // Its presence marks the handler as of undici's controller API.
        onRequestStart: () => undefined,
        onResponseStart: (_c, statusCode) => void (status = statusCode),
        onResponseData: () => undefined,
        onResponseEnd: () => resolve(status),
        onResponseError: (_c, error) => reject(error),
      };
      pool.dispatch(
        {
          method: 'POST',
          path,
          body,
          headers: {
            'content-type': 'application/json',
            'webhook-id': `msg_bare_${process.pid}_${sequence++}`,
            'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
            'webhook-signature': 'v1,KSZbbTJ6ggsW1j5Ao9Jm7HhGkxKQyKbIXK5Fo1Y3Cw4=',
          },
        },
        handler,
      );
    });
  process.on('message', (task: SendTask) => {
    const url = new URL(task.url);
    let pool = pools.get(url.origin);
    if (!pool)
      pools.set(url.origin, (pool = new Pool(url.origin, { connections: task.concurrency })));
    let next = 0;
    let bad = 0;
    const started = epochNow();
    const lane = async () => {
      while (next < task.requests) {
        next++;
        const status = await post(pool, url.pathname);
        if (status < 200 || status >= 300) bad++;
      }
    };
    Promise.all(Array.from({ length: task.concurrency }, lane)).then(
      () => process.send!({ ok: true, bad, seconds: (epochNow() - started) / 1000 }),
      (error: unknown) => process.send!({ ok: false, error: String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ ready: true });
}

/** This file run as a child in `mode`, with no inherited node flags (a --cpu-prof would cost). */
function forkSelf(
  mode: '--bare-api' | '--bare-sender',
): Promise<{ child: ChildProcess; first: unknown }> {
  const child = fork(fileURLToPath(import.meta.url), [mode], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`harness-cost ${mode} exited early (${code})`)));
    child.once('message', (first) => resolve({ child, first }));
  });
}

function sendWith(child: ChildProcess, task: SendTask): Promise<{ seconds: number }> {
  return new Promise((resolve, reject) => {
    child.once(
      'message',
      (reply: { ok: boolean; bad?: number; seconds?: number; error?: string }) => {
        if (!reply.ok) reject(new Error(`bare sender: ${reply.error}`));
        else if (reply.bad)
          reject(new Error(`bare sender: ${reply.bad} posts were not answered 2xx`));
        else resolve({ seconds: reply.seconds! });
      },
    );
    child.send(task);
  });
}

/** CPU ms of a live process; fails when it is gone (a gone process would read as none). */
async function liveCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) throw new Error(`process ${pid} ended during the measurement`);
  return processMs(stat);
}

interface Sample {
  perSecond: number;
  /** CPU µs per message, by process, in the order of the pids given. */
  us: number[];
}

/** Runs `work` and charges each pid's CPU over it to the messages it handled. */
async function sample(
  pids: number[],
  work: () => Promise<{ messages: number; perSecond: number }>,
): Promise<Sample> {
  const before = await Promise.all(pids.map(liveCpuMs));
  const { messages, perSecond } = await work();
  const after = await Promise.all(pids.map(liveCpuMs));
  if (!(messages > 0)) throw new Error('no message went through');
  return { perSecond, us: pids.map((_, i) => ((after[i]! - before[i]!) * 1000) / messages) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

async function repeated(repeat: number, one: () => Promise<Sample>): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < repeat; i++) samples.push(await one());
  return samples;
}

const medianOf = (samples: Sample[], pick: (s: Sample) => number) => median(samples.map(pick));

/** Measures the three pairs `repeat` times each, about `seconds` per sample. */
export async function measureHarnessCost(
  receiver: Receiver,
  { seconds, repeat, openRate }: HarnessCostOptions,
): Promise<HarnessCost> {
  const children: ChildProcess[] = [];
  let producer: ChildService<LoadParams, LoadResult> | null = null;
  try {
    const api = await forkSelf('--bare-api');
    children.push(api.child);
    const sender = await forkSelf('--bare-sender');
    children.push(sender.child);
    producer = startChildService<LoadParams, LoadResult>(
      new URL('./hookline/load-generator.js', import.meta.url),
    );
    const run = producer.run.bind(producer);
    const load: LoadParams = {
      baseUrl: `http://127.0.0.1:${(api.first as { port: number }).port}`,
      apiKey: 'unused',
      appId: 'app_unused',
      eventType: 'message.created',
      payloadBytes: 1024,
      mode: 'closed',
      connections: 32,
      seconds: 1,
    };
    const posted = async (params: LoadParams) => {
      const r = await run(params);
      if (r.errors > 0) throw new Error(`${r.errors} posts failed, first: ${r.firstError}`);
      return { messages: r.acked, perSecond: r.perSecond };
    };
    const pids = (...more: number[]) => [producer!.pid, ...more];
    await run(load); // warm-up: JIT of both sides, connections
    const closed = await repeated(repeat, () =>
      sample(pids(api.child.pid!), () => posted({ ...load, seconds })),
    );
    const open: LoadParams = { ...load, mode: 'open', connections: 64, rate: openRate };
    await run({ ...open, seconds: 1 }); // warm-up of the open loop and its 64 connections
    const opened = await repeated(repeat, () => sample(pids(), () => posted({ ...open, seconds })));

    const task: SendTask = {
      url: receiver.url('/'),
      requests: Math.max(2_000, Math.round(seconds * 5_000)),
      concurrency: 64,
    };
    await receiver.configure({ failRatio: 0, latencyMs: 0, record: true, keyHeader: 'webhook-id' });
    try {
      await sendWith(sender.child, { ...task, requests: 2_000 }); // warm-up
      const sent = await repeated(repeat, async () => {
        await receiver.reset(); // a fresh map of arrivals, as each sweep step starts with
        return sample([sender.child.pid!, receiver.pid], async () => {
          const r = await sendWith(sender.child, task);
          return { messages: task.requests, perSecond: task.requests / r.seconds };
        });
      });
      return {
        producerClosedUs: medianOf(closed, (s) => s.us[0]!),
        apiFloorUs: medianOf(closed, (s) => s.us[1]!),
        ingestPerSecond: medianOf(closed, (s) => s.perSecond),
        producerOpenUs: medianOf(opened, (s) => s.us[0]!),
        openPerSecond: medianOf(opened, (s) => s.perSecond),
        senderFloorUs: medianOf(sent, (s) => s.us[0]!),
        receiverUs: medianOf(sent, (s) => s.us[1]!),
        deliverPerSecond: medianOf(sent, (s) => s.perSecond),
      };
    } finally {
      await receiver.configure({ record: false });
    }
  } finally {
    await producer?.close();
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill();
          }),
      ),
    );
  }
}

/** The bench's line: the figures go in `extra`, for the sweep report's budgets. */
export async function harnessCostScenario(
  receiver: Receiver,
  options: HarnessCostOptions,
): Promise<ScenarioResult> {
  const base = {
    id: HARNESS_COST_ID,
    group: 'sweep' as const,
    label: "The harness's own CPU: producer → bare node:http API, bare undici sender → receiver",
    setup: `${options.repeat} samples of about ${options.seconds} s per pair, medians; producer closed loop (32 clients) and open loop (${options.openRate}/s, 64 connections); undici dispatch, 64 in flight, to the receiver recording arrivals; 1 KiB`,
  };
  try {
    const cost = await measureHarnessCost(receiver, options);
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      ...base,
      status: 'ok',
      perSecond: cost.ingestPerSecond,
      unit: 'messages/s',
      extra: {
        machineCores: availableParallelism(),
        producerClosedUs: round(cost.producerClosedUs),
        producerOpenUs: round(cost.producerOpenUs),
        apiFloorUs: round(cost.apiFloorUs),
        senderFloorUs: round(cost.senderFloorUs),
        receiverUs: round(cost.receiverUs),
        openPerSecond: Math.round(cost.openPerSecond),
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
      seconds: { type: 'string', default: '4' },
      repeat: { type: 'string', default: '3' },
      'open-rate': { type: 'string', default: '8000' },
    },
  });
  const seconds = Number(values.seconds);
  const repeat = Number(values.repeat);
  const openRate = Number(values['open-rate']);
  if (!(seconds > 0)) throw new Error(`--seconds: "${values.seconds}" is not a positive number`);
  if (!Number.isInteger(repeat) || repeat < 1)
    throw new Error(`--repeat: "${values.repeat}" is not a positive integer`);
  if (!(openRate > 0))
    throw new Error(`--open-rate: "${values['open-rate']}" is not a positive number`);
  const receiver = await Receiver.start();
  try {
    const cost = await measureHarnessCost(receiver, { seconds, repeat, openRate });
    const us = (n: number) => Math.round(n);
    const rate = (n: number) => Math.round(n).toLocaleString('en-US');
    console.log(`CPU µs per message, medians of ${repeat}:`);
    console.log(
      `- producer, closed loop → bare API: ${rate(cost.ingestPerSecond)}/s; producer ${us(cost.producerClosedUs)}, API ${us(cost.apiFloorUs)}`,
    );
    console.log(
      `- producer, open loop at ${rate(openRate)}/s → bare API: ${rate(cost.openPerSecond)}/s; producer ${us(cost.producerOpenUs)}`,
    );
    console.log(
      `- bare undici sender → receiver recording: ${rate(cost.deliverPerSecond)}/s; sender ${us(cost.senderFloorUs)}, receiver ${us(cost.receiverUs)}`,
    );
    const cores = availableParallelism();
    console.log(`Budgets on ${cores} cores:`);
    for (const r of [10_000, 20_000])
      console.log(
        `- ${budgetLine('ingest', cpuBudget(cores, r, cost.producerClosedUs), cost.apiFloorUs, BARE_API)}`,
      );
    const harness = cost.producerOpenUs + cost.receiverUs;
    const floor = cost.apiFloorUs + cost.senderFloorUs;
    for (const r of [3_000, 5_000, 12_000])
      console.log(`- ${budgetLine('ingest and delivery', cpuBudget(cores, r, harness), floor)}`);
  } finally {
    await receiver.close();
  }
}

if (process.argv.includes('--bare-api')) serveBareApi();
else if (process.argv.includes('--bare-sender')) serveBareSender();
else if (process.argv[1] === fileURLToPath(import.meta.url))
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
