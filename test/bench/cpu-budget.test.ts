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
  producerClosedUs: 50,
  producerOpenUs: 60,
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

  it('says a rate is out of reach only when what is left is clearly below the bare system', () => {
    expect(budgetLine('relay', cpuBudget(2, 12_000, 85), 100)).toBe(
      'relay at 12,000/s: 167 µs of CPU per message on this machine, of which the harness takes 85 µs, leaving at most 82 µs; less than the 100 µs a bare node:http API and undici sender, storing nothing, spent per message at saturation: out of reach here for a system built on them',
    );
    // 82 µs left against 90: within the margin of noise, so no verdict.
    expect(budgetLine('relay', cpuBudget(2, 12_000, 85), 90)).toContain(
      'leaving at most 82 µs; at most 0.9× the 90 µs',
    );
    expect(budgetLine('relay', cpuBudget(2, 5_000, 85), 90)).toContain(
      'leaving at most 315 µs; at most 3.5× the 90 µs',
    );
    expect(budgetLine('ingest', cpuBudget(2, 40_000, 80), 30)).toBe(
      'ingest at 40,000/s: 50 µs of CPU per message on this machine, and the harness alone takes 80 µs: more than the machine has',
    );
  });
});

describe('the budget notes of the sweep report', () => {
  it('charge the closed-loop producer for ingest, the open-loop one and the receiver for the sweep', () => {
    const run = runOf([measured]);
    expect(budgetNote(run, 10_000, 'ingest')).toContain(
      'of which the harness takes 50 µs, leaving at most 150 µs; at most 4.3× the 35 µs a bare node:http API, storing nothing,',
    );
    expect(budgetNote(run, 12_000, 'relay')).toContain(
      'of which the harness takes 90 µs, leaving at most 77 µs; less than the 90 µs',
    );
  });

  it('are left out when a figure cannot be used', () => {
    const broken = harness({ ...measured.extra, apiFloorUs: 0 } as Record<string, number>);
    expect(budgetNote(runOf([broken]), 10_000, 'ingest')).toBeNull();
    const negative = harness({ ...measured.extra, receiverUs: -100 } as Record<string, number>);
    expect(budgetNote(runOf([negative]), 10_000, 'relay')).toBeNull();
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
    expect(paragraph).toContain(
      'the producer spends 60 µs of CPU per message in open loop as in the sweep (50 µs in closed loop',
    );
    expect(paragraph).toContain('the receiver 30 µs per delivery it records');
    expect(paragraph).toContain('spends 35 µs per message and a bare undici sender 55 µs per POST');
  });
});
