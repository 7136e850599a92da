import { describe, expect, it } from 'vitest';
import type { BenchRun, ScenarioResult } from '../../bench/lib/results.js';
import {
  budgetLine,
  budgetNote,
  cpuBudget,
  harnessParagraph,
  HARNESS_COST_ID,
} from '../../bench/report/cpu-budget.js';

const harness = (extra: Record<string, number>): ScenarioResult => ({
  id: HARNESS_COST_ID,
  group: 'sweep',
  label: 'harness',
  setup: 'setup',
  status: 'ok',
  extra,
});
const runOf = (scenarios: ScenarioResult[]) => ({ scenarios }) as unknown as BenchRun;
const measured = harness({
  machineCores: 2,
  producerUs: 50,
  apiFloorUs: 35,
  senderFloorUs: 55,
  receiverUs: 30,
});

describe('the CPU budget of a rate', () => {
  it('is the cores divided among the messages, less what the harness takes', () => {
    expect(cpuBudget(2, 10_000, 50)).toEqual({
      rate: 10_000,
      machineUs: 200,
      harnessUs: 50,
      leftUs: 150,
    });
    expect(cpuBudget(2, 40_000, 80).leftUs).toBe(-30);
  });

  it('refuses a rate, core count or cost that cannot be one', () => {
    expect(() => cpuBudget(0, 1000, 10)).toThrow(/cores and rate must be positive/);
    expect(() => cpuBudget(2, Number.NaN, 10)).toThrow(RangeError);
    expect(() => cpuBudget(2, 1000, -1)).toThrow(/harnessUs not negative/);
  });

  it('says a rate is out of reach only when what is left is no more than the floor', () => {
    expect(budgetLine('relay', cpuBudget(2, 12_000, 85), 90)).toBe(
      'relay at 12,000/s: 167 µs of CPU per message on this machine, of which the harness takes 85 µs, leaving 82 µs; no more than the 90 µs of the simplest Node.js server doing the same hops and storing nothing: not reachable on this machine',
    );
    expect(budgetLine('relay', cpuBudget(2, 5_000, 85), 90)).toContain(
      'leaving 315 µs; 3.5× the 90 µs',
    );
  });
});

describe('the budget notes of the sweep report', () => {
  it('charge the producer alone for ingest, and the receiver too for ingest and delivery', () => {
    const run = runOf([measured]);
    expect(budgetNote(run, 10_000, 'ingest')).toContain(
      'of which the harness takes 50 µs, leaving 150 µs; 4.3× the 35 µs',
    );
    expect(budgetNote(run, 12_000, 'relay')).toContain(
      'of which the harness takes 80 µs, leaving 87 µs; no more than the 90 µs',
    );
  });

  it('are absent when the harness was not measured, and the paragraph says why it failed', () => {
    expect(budgetNote(runOf([]), 10_000, 'ingest')).toBeNull();
    expect(harnessParagraph(runOf([]))).toEqual([]);
    const broken = {
      ...measured,
      status: 'error' as const,
      reason: 'the receiver died',
      extra: {},
    };
    expect(budgetNote(runOf([broken]), 10_000, 'ingest')).toBeNull();
    expect(harnessParagraph(runOf([broken]))[0]).toContain('not measured: the receiver died');
  });

  it('describe the harness with this run’s figures', () => {
    const [paragraph] = harnessParagraph(runOf([measured]));
    expect(paragraph).toContain('the producer spends 50 µs of CPU per message posted');
    expect(paragraph).toContain('the receiver 30 µs per delivery');
    expect(paragraph).toContain('spends 35 µs per message and an undici sender 55 µs per POST');
  });
});
