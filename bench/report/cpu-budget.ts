import type { BenchRun } from '../lib/results.js';
import { extraNumber } from './extra-number.js';

/** The bench line with the harness's own CPU per message (bench/harness-cost.ts). */
export const HARNESS_COST_ID = 'harness-cost';

/**
 * What is left may fall this far below the bare system's cost before a rate is called out of reach:
 * each figure is a median of a few samples on a shared machine.
 */
const MARGIN = 0.9;

/**
 * How much CPU a message may cost a system under test at a given rate on this machine, once the
 * bench's own producer and receiver, which share its cores, have taken theirs. The harness's
 * figures come from runs at saturation, where a process's CPU per message is usually lowest, so
 * what is left is an upper bound.
 */
export interface CpuBudget {
  rate: number;
  /** µs of CPU the machine has per message at `rate`: cores × 1 s ÷ rate. */
  machineUs: number;
  /** µs per message the harness takes (producer, and receiver where messages are delivered). */
  harnessUs: number;
  /** What is left for the system under test, at most; negative when the harness alone cannot keep up. */
  leftUs: number;
}

export function cpuBudget(cores: number, rate: number, harnessUs: number): CpuBudget {
  if (!(cores > 0) || !(rate > 0) || !(harnessUs >= 0))
    throw new RangeError(
      `cpuBudget: cores and rate must be positive and harnessUs not negative (${cores}, ${rate}, ${harnessUs})`,
    );
  const machineUs = (cores * 1_000_000) / rate;
  return { rate, machineUs, harnessUs, leftUs: machineUs - harnessUs };
}

/**
 * One sentence: the budget at a rate next to what a bare system (node:http and undici, storing
 * nothing) spent per message. Out of reach only when what is left is clearly below it (MARGIN).
 */
export function budgetLine(
  label: string,
  budget: CpuBudget,
  bareUs: number,
  bareSystem = 'a bare node:http API and undici sender',
): string {
  const us = (n: number) => `${Math.round(n)} µs`;
  const head = `${label} at ${budget.rate.toLocaleString('en-US')}/s: ${us(budget.machineUs)} of CPU per message on this machine`;
  if (budget.leftUs <= 0)
    return `${head}, and the harness alone takes ${us(budget.harnessUs)}: more than the machine has`;
  const bare = `the ${us(bareUs)} ${bareSystem}, storing nothing, spent per message at saturation`;
  const verdict =
    budget.leftUs < MARGIN * bareUs
      ? `less than ${bare}: out of reach here for a system built on them`
      : `at most ${(budget.leftUs / bareUs).toFixed(1)}× ${bare}`;
  return `${head}, of which the harness takes ${us(budget.harnessUs)}, leaving at most ${us(budget.leftUs)}; ${verdict}`;
}

/**
 * The budget at `rate` from this run's harness-cost line, as a note: `ingest` charges the
 * closed-loop producer (the ingest scenario's) and compares with the bare API; `relay` (ingest and
 * delivery, the sweep) charges the open-loop producer and the receiver and compares with the bare
 * API plus the bare sender. Null when the line did not run or its figures cannot be used.
 */
export function budgetNote(run: BenchRun, rate: number, kind: 'ingest' | 'relay'): string | null {
  const n = (key: string) => extraNumber(run, HARNESS_COST_ID, key);
  const cores = n('machineCores');
  const api = n('apiFloorUs');
  const [harness, bare] =
    kind === 'ingest'
      ? [n('producerClosedUs'), api]
      : [sum(n('producerOpenUs'), n('receiverUs')), sum(api, n('senderFloorUs'))];
  if (cores === null || harness === null || bare === null || !(bare > 0) || harness < 0)
    return null;
  if (!(cores > 0) || !(rate > 0)) return null;
  return kind === 'ingest'
    ? budgetLine('ingest', cpuBudget(cores, rate, harness), bare, BARE_API)
    : budgetLine('ingest and delivery', cpuBudget(cores, rate, harness), bare);
}

/** What the ingest budget compares with. */
export const BARE_API = 'a bare node:http API';

const sum = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

/** What the harness itself cost in this run, as a paragraph of the sweep section (or nothing). */
export function harnessParagraph(run: BenchRun): string[] {
  const line = run.scenarios.find((s) => s.id === HARNESS_COST_ID);
  if (!line) return [];
  if (line.status !== 'ok')
    return [`The harness's own CPU was not measured: ${line.reason ?? line.status}.`, ''];
  const n = (key: string) => Math.round(extraNumber(run, HARNESS_COST_ID, key) ?? Number.NaN);
  return [
    `**The harness shares the machine.** Measured in this run (\`bench/harness-cost.ts\`, each pair at its own saturation): the producer spends ${n('producerOpenUs')} µs of CPU per message in open loop as in the sweep (${n('producerClosedUs')} µs in closed loop as in the ingest scenario), and the receiver ${n('receiverUs')} µs per delivery it records. A bare node:http API (JSON.parse, a 202) spends ${n('apiFloorUs')} µs per message and a bare undici sender ${n('senderFloorUs')} µs per POST, storing nothing. The notes below compare what a missed target rate leaves per message, once the harness has its share, with that bare system.`,
    '',
  ];
}
