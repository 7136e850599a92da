import { describe, expect, it } from 'vitest';
import type { BenchRun, ScenarioResult } from '../../bench/lib/results.js';
import {
  BARE_API,
  BARE_RELAY,
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
  openRate: 12_000,
  openPerSecond: 11_950,
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
    expect(() => cpuBudget(2, 1000, -1)).toThrow(/harnessUs finite, not negative/);
  });

  it('says a rate is out of reach only when what is left is clearly below the bare system', () => {
    expect(budgetLine('relay', cpuBudget(2, 12_000, 85), 100, BARE_RELAY)).toBe(
      'relay at 12,000/s: 167 µs of CPU per message on this machine, of which the harness takes 85 µs, leaving at most 82 µs; less than the 100 µs a bare node:http API and undici sender, storing nothing, spent per message at saturation: out of reach here for a system built on node:http and undici',
    );
    // Exactly 0.9 of the bare system's cost (81 of 90 µs) is within the noise: no verdict.
    expect(budgetLine('relay', cpuBudget(1, 10_000, 19), 90, BARE_RELAY)).toContain(
      'leaving at most 81 µs; at most 0.9× the 90 µs',
    );
    expect(budgetLine('relay', cpuBudget(1, 10_000, 19.1), 90, BARE_RELAY)).toContain(
      'less than the 90 µs',
    );
    expect(budgetLine('relay', cpuBudget(2, 5_000, 85), 90, BARE_RELAY)).toContain(
      'leaving at most 315 µs; at most 3.5× the 90 µs',
    );
  });

  it('names what an ingest budget is compared with', () => {
    expect(budgetLine('ingest', cpuBudget(2, 20_000, 80), 30, BARE_API)).toBe(
      'ingest at 20,000/s: 100 µs of CPU per message on this machine, of which the harness takes 80 µs, leaving at most 20 µs; less than the 30 µs a bare node:http API, storing nothing, spent per message at saturation: out of reach here for a system built on node:http',
    );
  });

  it('says when the harness alone takes all the machine has', () => {
    expect(budgetLine('ingest', cpuBudget(2, 40_000, 80), 30, BARE_API)).toBe(
      'ingest at 40,000/s: 50 µs of CPU per message on this machine, and the harness alone takes at least 80 µs, all of it or more: out of reach here while the harness shares the machine',
    );
    expect(budgetLine('ingest', cpuBudget(2, 40_000, 50), 30, BARE_API)).toContain(
      'takes at least 50 µs, all of it or more',
    );
  });

  it('gives no verdict where the harness was not measured at the rate', () => {
    const line = budgetLine('relay', cpuBudget(2, 12_000, 85), 100, BARE_RELAY, false);
    expect(line).toContain('leaving at most 82 µs; at most 0.8× the 100 µs');
    expect(line).not.toContain('out of reach');
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
    // One negative figure, even where the sum would be positive.
    const negative = harness({ ...measured.extra, receiverUs: -10 } as Record<string, number>);
    expect(budgetNote(runOf([negative]), 10_000, 'relay')).toBeNull();
    const infinite = harness({ ...measured.extra, producerClosedUs: Infinity } as Record<
      string,
      number
    >);
    expect(budgetNote(runOf([infinite]), 10_000, 'ingest')).toBeNull();
    expect(harnessParagraph(runOf([negative]))[0]).toContain('not measured: a figure is missing');
  });

  it('judge the sweep only up to the rate the open-loop producer was offered and kept up with', () => {
    const note = (extra: Record<string, number>, rate = 12_000) =>
      budgetNote(
        runOf([harness({ ...measured.extra, ...extra } as Record<string, number>)]),
        rate,
        'relay',
      );
    expect(note({})).toContain('out of reach');
    expect(note({}, 12_001)).not.toContain('out of reach');
    expect(note({}, 12_001)).toContain('at most 0.9× the 90 µs');
    expect(note({ openPerSecond: 11_000 })).not.toContain('out of reach');
    expect(note({ openRate: 8_000 })).not.toContain('out of reach');
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
      'the producer spends 60 µs of CPU per message in open loop at 12,000/s as in the sweep (50 µs in closed loop',
    );
    expect(paragraph).toContain('the receiver 30 µs per delivery it records');
    expect(paragraph).toContain('spends 35 µs per message and a bare undici sender 55 µs per POST');
  });
});
