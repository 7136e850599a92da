import type { BenchRun } from '../lib/results.js';
import { extraNumber } from './extra-number.js';

/** The bench line with the harness's own CPU per message (bench/harness-cost.ts). */
export const HARNESS_COST_ID = 'harness-cost';

/**
 * How much CPU a message may cost a system under test at a given rate on this machine, once the
 * bench's own producer and receiver, which share its cores, have taken theirs. A rate whose budget
 * is below what the simplest Node.js system doing the same hops costs cannot be shown here.
 */
export interface CpuBudget {
  rate: number;
  /** µs of CPU the machine has per message at `rate`: cores × 1 s ÷ rate. */
  machineUs: number;
  /** µs per message the harness takes (producer, and receiver where messages are delivered). */
  harnessUs: number;
  /** What is left for the system under test; negative when the harness alone cannot keep up. */
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

/** One sentence: the budget at a rate next to the floor a system must at least spend per message. */
export function budgetLine(label: string, budget: CpuBudget, floorUs: number): string {
  const us = (n: number) => `${Math.round(n)} µs`;
  const verdict =
    budget.leftUs <= floorUs
      ? `no more than the ${us(floorUs)} of the simplest Node.js server doing the same hops and storing nothing: not reachable on this machine`
      : `${(budget.leftUs / floorUs).toFixed(1)}× the ${us(floorUs)} of the simplest Node.js server doing the same hops and storing nothing`;
  return `${label} at ${budget.rate.toLocaleString('en-US')}/s: ${us(budget.machineUs)} of CPU per message on this machine, of which the harness takes ${us(budget.harnessUs)}, leaving ${us(budget.leftUs)}; ${verdict}`;
}

/**
 * The budget at `rate` from this run's harness-cost line, as a note: `ingest` charges the
 * producer and compares with the simplest API; `relay` (ingest and delivery) also charges the
 * receiver and compares with that API plus an undici sender. Null when the line did not run.
 */
export function budgetNote(run: BenchRun, rate: number, kind: 'ingest' | 'relay'): string | null {
  const n = (key: string) => extraNumber(run, HARNESS_COST_ID, key);
  const [cores, producer, api, sender, receiver] = [
    'machineCores',
    'producerUs',
    'apiFloorUs',
    'senderFloorUs',
    'receiverUs',
  ].map(n);
  if (cores == null || producer == null || api == null || sender == null || receiver == null)
    return null;
  return kind === 'ingest'
    ? budgetLine('ingest', cpuBudget(cores, rate, producer), api)
    : budgetLine('ingest and delivery', cpuBudget(cores, rate, producer + receiver), api + sender);
}

/** What the harness itself cost in this run, as a paragraph of the sweep section (or nothing). */
export function harnessParagraph(run: BenchRun): string[] {
  const line = run.scenarios.find((s) => s.id === HARNESS_COST_ID);
  if (!line) return [];
  if (line.status !== 'ok')
    return [`The harness's own CPU was not measured: ${line.reason ?? ''}`, ''];
  const n = (key: string) => Math.round(extraNumber(run, HARNESS_COST_ID, key) ?? Number.NaN);
  return [
    `**The harness shares the machine.** Measured in this run (\`bench/harness-cost.ts\`): the producer spends ${n('producerUs')} µs of CPU per message posted, and the receiver ${n('receiverUs')} µs per delivery it answers. The simplest Node.js API (node:http, JSON.parse, a 202) spends ${n('apiFloorUs')} µs per message and an undici sender ${n('senderFloorUs')} µs per POST, storing nothing: no system measured here can spend less. The notes below compare what a target rate leaves per message with that floor.`,
    '',
  ];
}
