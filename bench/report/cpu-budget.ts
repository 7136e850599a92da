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
 * figures come from runs at or near saturation, where a process's CPU per message is usually
 * lowest, so what is left is an upper bound.
 */
export interface CpuBudget {
  rate: number;
  /** µs of CPU the machine has per message at `rate`: cores × 1 s ÷ rate. */
  machineUs: number;
  /** µs per message the harness takes (producer, and receiver where messages are delivered). */
  harnessUs: number;
  /** What is left for the system under test, at most; not positive when the harness takes it all. */
  leftUs: number;
}

export function cpuBudget(cores: number, rate: number, harnessUs: number): CpuBudget {
  if (!(cores > 0) || !(rate > 0) || !(harnessUs >= 0) || !Number.isFinite(harnessUs))
    throw new RangeError(
      `cpuBudget: cores and rate must be positive and harnessUs finite, not negative (${cores}, ${rate}, ${harnessUs})`,
    );
  const machineUs = (cores * 1_000_000) / rate;
  return { rate, machineUs, harnessUs, leftUs: machineUs - harnessUs };
}

/** The bare system a budget is compared with: what it is, and what a system is built on like it. */
export interface BareSystem {
  what: string;
  builtOn: string;
}

export const BARE_API: BareSystem = { what: 'a bare node:http API', builtOn: 'node:http' };
export const BARE_RELAY: BareSystem = {
  what: 'a bare node:http API and undici sender',
  builtOn: 'node:http and undici',
};

/**
 * One sentence: the budget at a rate next to what the bare system (storing nothing) spent per
 * message. Out of reach only when what is left is clearly below it (MARGIN), and only when
 * `verdict` (the harness's figures hold at this rate).
 */
export function budgetLine(
  label: string,
  budget: CpuBudget,
  bareUs: number,
  bare: BareSystem,
  verdict = true,
): string {
  const us = (n: number) => `${Math.round(n)} µs`;
  const head = `${label} at ${budget.rate.toLocaleString('en-US')}/s: ${us(budget.machineUs)} of CPU per message on this machine`;
  const outOfReach = verdict ? ': out of reach here while the harness shares the machine' : '';
  if (budget.leftUs <= 0)
    return `${head}, and the harness alone takes at least ${us(budget.harnessUs)}, all of it or more${outOfReach}`;
  const cost = `the ${us(bareUs)} ${bare.what}, storing nothing, spent per message at saturation`;
  const below = budget.leftUs < MARGIN * bareUs;
  const compared =
    below && verdict
      ? `less than ${cost}: out of reach here for a system built on ${bare.builtOn}`
      : `at most ${(budget.leftUs / bareUs).toFixed(1)}× ${cost}`;
  return `${head}, of which the harness takes ${us(budget.harnessUs)}, leaving at most ${us(budget.leftUs)}; ${compared}`;
}

/** A figure fit to charge: finite and not negative (positive where it divides). */
const usable = (n: number | null, positive = false): n is number =>
  n !== null && Number.isFinite(n) && (positive ? n > 0 : n >= 0);

/**
 * The budget at `rate` from this run's harness-cost line, as a note: `ingest` charges the
 * closed-loop producer (the ingest scenario's) and compares with the bare API; `relay` (ingest and
 * delivery, the sweep) charges the open-loop producer and the receiver and compares with the bare
 * API plus the bare sender, with a verdict only up to the rate the open-loop producer was offered,
 * and only if it kept up with it (its CPU per message falls as its rate rises). Null when the line
 * did not run or a figure cannot be used.
 */
export function budgetNote(run: BenchRun, rate: number, kind: 'ingest' | 'relay'): string | null {
  const n = (key: string) => extraNumber(run, HARNESS_COST_ID, key);
  const cores = n('machineCores');
  const api = n('apiFloorUs');
  if (!usable(cores, true) || !usable(api, true) || !(rate > 0)) return null;
  if (kind === 'ingest') {
    const producer = n('producerClosedUs');
    if (!usable(producer)) return null;
    return budgetLine('ingest', cpuBudget(cores, rate, producer), api, BARE_API);
  }
  const [producer, receiver, sender, offered, achieved] = [
    n('producerOpenUs'),
    n('receiverUs'),
    n('senderFloorUs'),
    n('openRate'),
    n('openPerSecond'),
  ];
  if (!usable(producer) || !usable(receiver) || !usable(sender, true)) return null;
  const verdict =
    usable(offered) && usable(achieved) && rate <= offered && achieved >= 0.95 * offered;
  return budgetLine(
    'ingest and delivery',
    cpuBudget(cores, rate, producer + receiver),
    api + sender,
    BARE_RELAY,
    verdict,
  );
}

const FIGURES = [
  'producerOpenUs',
  'producerClosedUs',
  'receiverUs',
  'apiFloorUs',
  'senderFloorUs',
  'openRate',
] as const;

/** What the harness itself cost in this run, as a paragraph of the sweep section (or nothing). */
export function harnessParagraph(run: BenchRun): string[] {
  const line = run.scenarios.find((s) => s.id === HARNESS_COST_ID);
  if (!line) return [];
  const figures = FIGURES.map((key) => extraNumber(run, HARNESS_COST_ID, key));
  if (line.status !== 'ok' || figures.some((f) => !usable(f)))
    return [
      `The harness's own CPU was not measured: ${line.status === 'ok' ? 'a figure is missing' : (line.reason ?? line.status)}.`,
      '',
    ];
  const [open, closed, receiver, api, sender, openRate] = figures.map((f) => Math.round(f!));
  return [
    `**The harness shares the machine.** Measured in this run (\`bench/harness-cost.ts\`, medians): the producer spends ${open} µs of CPU per message in open loop at ${openRate!.toLocaleString('en-US')}/s as in the sweep (${closed} µs in closed loop as in the ingest scenario), and the receiver ${receiver} µs per delivery it records. At saturation, a bare node:http API (JSON.parse, a 202) spends ${api} µs per message and a bare undici sender ${sender} µs per POST, storing nothing. The notes below compare what a missed target rate leaves per message, once the harness has its share, with that bare system.`,
    '',
  ];
}
