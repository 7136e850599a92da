import { summarize, type LatencySummary } from '../lib/percentiles.js';
import { processesCpuMs } from '../lib/proc-threads.js';
import { withProducer, type Producer } from '../hookline/producer.js';
import type { Receiver } from '../receiver-client.js';

/** Anything the sweep can offer messages to: Hookline (SQLite or PostgreSQL) or BullMQ. */
export interface SweepTarget {
  baseUrl: string;
  apiKey: string;
  appId: string;
  /** Resolves true once `acked` messages arrived since the receiver's reset and are committed. */
  drained(acked: number, limitMs: number): Promise<boolean>;
  /** Peak RSS so far of the system's own processes, MiB. */
  peakRssMb(): Promise<number>;
  /** The system's own processes, whose CPU each step charges to its messages (none: not counted). */
  pids?(): number[];
}

export interface SweepSettings {
  rates: number[];
  /** Each rate is held this long. */
  seconds: number;
  /**
   * Untimed warm-up, long enough that the steps measure a system that has run for a while (the JIT
   * has compiled its hot paths, connections and caches are open), as it would in service. At the
   * lowest rate for a second, the first steps measured code that was still being compiled. The
   * producer is warmed with it: one process offers the warm-up and every step.
   */
  warmupSeconds: number;
  warmupRate: number;
  /** A step whose messages have not all arrived this long after the last send is saturated. */
  drainLimitSeconds: number;
  payloadBytes: number;
  /**
   * Rates offered even when an earlier step saturated (a target reads them, e.g. issue 20's ack
   * p99 at 1,000/s), each after the queue has drained, or after the drain limit.
   */
  alwaysRates?: number[];
}

export interface SweepStep {
  offered: number;
  /** Acknowledged messages per second over the step. */
  achieved: number;
  /** Scheduled send time → arrival at the receiver. */
  latency: LatencySummary;
  /** Send start → the API's acknowledgement. */
  ack: LatencySummary;
  acked: number;
  errors: number;
  firstError: string | null;
  /** Acknowledged messages that had not arrived when the step ended. */
  missing: number;
  peakRssMb: number;
  /**
   * CPU the system's own processes (`SweepTarget.pids`) spent from the step's first send until its
   * messages arrived, per message acknowledged; undefined when not counted.
   */
  cpuUsPerMessage?: number;
  /** Past this step the system cannot keep up; the sweep stops here. */
  saturated: boolean;
  /** Offered only because a target needs it (`alwaysRates`), after an earlier step saturated. */
  afterSaturation?: boolean;
}

/** p99 past this many times the objective (or lost messages, errors) ends the sweep. */
const SATURATED_P99_MS = 1_000;

/**
 * The open-loop sweep: a warm-up, then each offered rate in turn from an empty queue, until one
 * saturates. Latency runs from each message's scheduled send time to its first arrival at the
 * receiver (paired by `webhook-id`), so a producer held up by a slow API still counts the wait.
 */
export async function runSweep(
  receiver: Receiver,
  target: SweepTarget,
  settings: SweepSettings,
): Promise<SweepStep[]> {
  const limitMs = settings.drainLimitSeconds * 1000;
  await receiver.configure({ failRatio: 0, latencyMs: 0, record: true, keyHeader: 'webhook-id' });
  try {
    return await withProducer(target, settings.payloadBytes, async (producer) => {
      await receiver.reset();
      const warm = await producer.offer(settings.warmupRate, settings.warmupSeconds);
      if (!(await target.drained(warm.acked, limitMs)))
        throw new Error(`the warm-up's messages did not all arrive within ${limitMs / 1000} s`);
      const steps: SweepStep[] = [];
      const step = (rate: number) => measureStep(receiver, target, producer, { ...settings, rate });
      for (const rate of settings.rates) {
        const s = await step(rate);
        steps.push(s);
        if (s.saturated) break;
      }
      const reached = Math.max(...steps.map((s) => s.offered));
      for (const rate of settings.alwaysRates ?? []) {
        if (rate <= reached) continue;
        // Start from an empty queue where the drain limit allows: the last step may still be going.
        await target.drained(0, limitMs).catch(() => false);
        steps.push({ ...(await step(rate)), afterSaturation: true });
      }
      return steps;
    });
  } finally {
    await receiver.configure({ record: false });
  }
}

/**
 * One step: `rate` offered for `seconds` from a reset receiver (recording arrivals), then waits
 * until every acknowledged message arrived and is committed, or the drain limit passed.
 */
export async function measureStep(
  receiver: Receiver,
  target: SweepTarget,
  producer: Pick<Producer, 'offer'>,
  settings: Pick<SweepSettings, 'seconds' | 'drainLimitSeconds' | 'payloadBytes'> & {
    rate: number;
  },
): Promise<SweepStep & { samples: number[] }> {
  const { rate } = settings;
  await receiver.reset();
  const cpuBefore = await systemCpuMs(target);
  const load = await producer.offer(rate, settings.seconds);
  const complete = await target.drained(load.acked, settings.drainLimitSeconds * 1000);
  const cpuAfter = await systemCpuMs(target);
  const { arrivals } = await receiver.arrivals();
  const samples: number[] = [];
  load.ids.forEach((id, i) => {
    const at = arrivals.get(id);
    if (at !== undefined) samples.push(at - load.scheduledAt[i]!);
  });
  const latency = summarize(samples);
  const missing = load.acked - samples.length;
  return {
    samples,
    offered: rate,
    achieved: load.perSecond,
    latency,
    ack: load.ackLatency,
    acked: load.acked,
    errors: load.errors,
    firstError: load.firstError,
    missing,
    peakRssMb: await target.peakRssMb(),
    ...(cpuBefore !== null && cpuAfter !== null && load.acked > 0
      ? { cpuUsPerMessage: Math.round(((cpuAfter - cpuBefore) * 1000) / load.acked) }
      : {}),
    saturated: !complete || missing > 0 || load.errors > 0 || !(latency.p99 <= SATURATED_P99_MS),
  };
}

/** CPU ms the target's own processes spent so far, or null when it does not name them. */
async function systemCpuMs(target: SweepTarget): Promise<number | null> {
  const pids = target.pids?.();
  // A process that is gone gives no figure: the step's would be wrong.
  return pids && pids.length > 0 ? processesCpuMs(pids) : null;
}

/** The highest offered rate whose messages all arrived with p99 ≤ `objectiveMs`; 0 when none. */
export function sustainableRate(steps: SweepStep[], objectiveMs: number): number {
  let best = 0;
  for (const s of steps)
    if (s.errors === 0 && s.missing === 0 && s.latency.p99 <= objectiveMs && s.offered > best)
      best = s.offered;
  return best;
}
