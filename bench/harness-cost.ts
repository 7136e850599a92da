/**
 * What the bench's own processes cost in CPU per message on this machine, where they share the
 * cores with the system they measure, and what a bare Node.js system doing the same hops and
 * storing nothing spends. Three pairs; the closed-loop ones run at saturation, where a process's
 * CPU per message is usually lowest (more work per wake-up):
 *
 * - the producer (`hookline/load-generator.ts`) in closed loop, 32 clients, as the ingest scenario
 *   runs it, posting to a bare API (node:http, JSON.parse of the body, a 202 with an id);
 * - the same producer in open loop on 64 connections, as the sweep runs it (it also parses each
 *   answer and keeps the ids), at `openRate` to the bare API: its CPU per message holds for rates
 *   up to that one;
 * - a bare undici sender (`dispatch` with a handler that keeps nothing, 64 in flight, the headers
 *   of a signed delivery) posting to the bench receiver, which records each arrival as in the sweep.
 *
 * `npm run bench` records it (id `harness-cost`) next to the sweep, whose report turns it into a
 * budget per missed target rate (report/cpu-budget.ts). Alone:
 *
 *   node dist/bench/harness-cost.js [--seconds 4] [--repeat 3] [--open-rate 12000]
 */
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBareApi } from './bare-api.js';
import type { BareSendParams, BareSendResult } from './bare-sender.js';
import type { LoadParams, LoadResult } from './hookline/load-generator.js';
import { startChildService, type ChildService } from './lib/child-task.js';
import { processMs } from './lib/proc-threads.js';
import { failed, type ScenarioResult } from './lib/results.js';
import { Receiver } from './receiver-client.js';
import {
  BARE_API,
  BARE_RELAY,
  budgetLine,
  cpuBudget,
  HARNESS_COST_ID,
} from './report/cpu-budget.js';

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
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
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
  let api: ChildProcess | null = null;
  let producer: ChildService<LoadParams, LoadResult> | null = null;
  let sender: ChildService<BareSendParams, BareSendResult> | null = null;
  try {
    const bare = await startBareApi();
    api = bare.child;
    producer = startChildService<LoadParams, LoadResult>(
      new URL('./hookline/load-generator.js', import.meta.url),
    );
    sender = startChildService<BareSendParams, BareSendResult>(
      new URL('./bare-sender.js', import.meta.url),
    );
    const run = producer.run.bind(producer);
    const load: LoadParams = {
      baseUrl: `http://127.0.0.1:${bare.port}`,
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
    const producerPid = producer.pid;
    const apiPid = api.pid!;
    await run(load); // warm-up: JIT of both sides, connections
    const closed = await repeated(repeat, () =>
      sample([producerPid, apiPid], () => posted({ ...load, seconds })),
    );
    const open: LoadParams = { ...load, mode: 'open', connections: 64, rate: openRate };
    await run({ ...open, seconds: 1 }); // warm-up of the open loop and its 64 connections
    const opened = await repeated(repeat, () =>
      sample([producerPid], () => posted({ ...open, seconds })),
    );

    const send = sender.run.bind(sender);
    const task: BareSendParams = { url: receiver.url('/'), requests: 2_000, concurrency: 64 };
    await receiver.configure({ failRatio: 0, latencyMs: 0, record: true, keyHeader: 'webhook-id' });
    try {
      const warm = await send(task); // warm-up, and the rate that sizes each sample to `seconds`
      const requests = Math.max(2_000, Math.round(seconds * warm.perSecond));
      const sent = await repeated(repeat, async () => {
        await receiver.reset(); // a fresh map of arrivals, as each sweep step starts with
        return sample([sender!.pid, receiver.pid], async () => {
          const r = await send({ ...task, requests });
          return { messages: requests, perSecond: r.perSecond };
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
    await sender?.close();
    const child = api;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
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
        openRate: options.openRate,
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
      'open-rate': { type: 'string', default: '12000' },
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
      console.log(
        `- ${budgetLine(
          'ingest and delivery',
          cpuBudget(cores, r, harness),
          floor,
          BARE_RELAY,
          r <= openRate && cost.openPerSecond >= 0.95 * openRate,
        )}`,
      );
  } finally {
    await receiver.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
