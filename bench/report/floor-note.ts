import { fmt } from '../lib/format.js';
import type { BenchRun } from '../lib/results.js';
import { FLOOR_DRAIN_ID, FLOOR_INGEST_ID } from '../sweep/floor-target.js';
import { extraNumber } from './extra-number.js';

/**
 * The durable floor's figures beside a target, as notes: what one thread doing only what the
 * promise needs (a 202 after the fdatasync, a signed POST, the result recorded) reached in the same
 * run. A target the floor met is within reach, and the gap is what Hookline's features and threads
 * cost; one it missed too, this machine gave that one-thread design no more in that run.
 */

/** The floor's sustainable rate against a target rate (the sweep's). */
export function floorRateNote(floorRate: number | null, goal: number): string | null {
  if (floorRate === null) return null;
  const verdict =
    floorRate >= goal ? 'so the rate is within reach here' : 'short of the target too';
  return `the durable floor held ${fmt(floorRate)} msg/s at p99 ≤ 50 ms in this run, ${verdict}`;
}

/** The floor's sustainable rate ÷ BullMQ's, against the 3× target. */
export function floorRatioNote(floorRate: number | null, bull: number | null): string | null {
  if (floorRate === null || !bull) return null;
  const ratio = floorRate / bull;
  return `the durable floor ÷ BullMQ: ${ratio.toFixed(2)}×${ratio < 3 ? ', short of 3× too' : ''}`;
}

/** The floor's acknowledgement p99 at the rate a target reads. */
export function floorAckNote(ackP99: number | null, rate: number, goal: number): string | null {
  if (ackP99 === null) return null;
  const rounded = Math.round(ackP99 * 10) / 10;
  return `the durable floor's at ${fmt(rate)}/s: ${rounded} ms${rounded > goal ? ', over the target too' : ''}`;
}

/** CPU per message of Hookline and of the floor at one offered rate (whether or not it held). */
export function cpuPairNote(
  rate: number,
  hookline: number | null,
  floor: number | null,
): string | null {
  if (hookline === null || floor === null || !(floor > 0)) return null;
  return `CPU per message at ${fmt(rate)}/s: Hookline ${fmt(hookline)} µs, the floor ${fmt(floor)} µs (${(hookline / floor).toFixed(1)}×)`;
}

/** The floor's ingest (one thread, storing only), against the ingest target. */
export function floorIngestNote(run: BenchRun, goal: number): string | null {
  const n = (key: string) => extraNumber(run, FLOOR_INGEST_ID, key);
  const line = run.scenarios.find((s) => s.id === FLOOR_INGEST_ID && s.status === 'ok');
  const cpuMs = n('floorCpuMs');
  const acked = n('acked');
  if (!line || line.perSecond === undefined) return null;
  const cpu =
    cpuMs !== null && acked
      ? `, ${fmt(Math.round((cpuMs * 1000) / acked))} µs of CPU per message`
      : '';
  const cores = n('floorCores');
  const busy = cores === null ? '' : ` using ${cores.toFixed(2)} cores of CPU`;
  const verdict = line.perSecond >= goal ? '' : ', short of the target too';
  return `the durable floor took ${fmt(line.perSecond)} msg/s${busy}${cpu}${verdict}`;
}

/** The floor's drain of the same backlog ÷ the raw ceiling, against the drain target. */
export function floorDrainNote(run: BenchRun, raw: number | null, goal: number): string | null {
  const line = run.scenarios.find((s) => s.id === FLOOR_DRAIN_ID && s.status === 'ok');
  if (!line || line.perSecond === undefined || !raw) return null;
  const share = line.perSecond / raw;
  return `the durable floor drained the same backlog at ${share.toFixed(2)} of it (${fmt(line.perSecond)} ÷ ${fmt(raw)} deliveries/s)${share < goal ? ', short of the target too' : ''}`;
}
