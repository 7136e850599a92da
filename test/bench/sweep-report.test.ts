import { describe, expect, it } from 'vitest';
import type { SweepStep } from '../../bench/sweep/run-sweep.js';
import { sustainableRate } from '../../bench/sweep/run-sweep.js';
import { sweepResults } from '../../bench/sweep/step-results.js';
import {
  spliceSweep,
  sustainable,
  SWEEP_END,
  SWEEP_START,
} from '../../bench/report/sweep-section.js';
import type { BenchRun } from '../../bench/lib/results.js';
import { disturbanceRatios } from '../../bench/report/disturbance.js';

const latency = (p99: number) => ({
  count: 10,
  p50: p99 / 2,
  p95: p99,
  p99,
  max: p99,
  mean: p99 / 2,
});
const step = (offered: number, p99: number, more: Partial<SweepStep> = {}): SweepStep => ({
  offered,
  achieved: offered,
  latency: latency(p99),
  ack: latency(1),
  acked: 10,
  errors: 0,
  firstError: null,
  missing: 0,
  peakRssMb: 100,
  saturated: false,
  ...more,
});

describe('the sustainable rate', () => {
  it('is the highest offered rate whose messages all arrived within the objective', () => {
    const steps = [step(500, 20), step(1000, 60), step(2000, 40), step(3000, 900)];
    expect(sustainableRate(steps, 50)).toBe(2000);
    expect(sustainableRate(steps, 100)).toBe(2000);
    expect(sustainableRate(steps, 10)).toBe(0);
  });

  it('does not count a step that lost messages or had errors, however low its p99', () => {
    const steps = [step(500, 5), step(1000, 5, { missing: 1 }), step(2000, 5, { errors: 2 })];
    expect(sustainableRate(steps, 50)).toBe(500);
  });

  it('reads the same from the recorded results as from the steps', () => {
    const steps = [step(500, 20), step(1000, 45), step(2000, 400, { saturated: true })];
    const run = { scenarios: sweepResults('bullmq', 'setup', steps) } as unknown as BenchRun;
    expect(sustainable(run, 'bullmq')).toBe(1000);
    expect(sustainable(run, 'hookline')).toBeNull();
  });
});

describe('the sweep section of docs/benchmarks.md', () => {
  it('replaces only what lies between its markers', () => {
    const doc = `# B\n\n${SWEEP_START}\nold\n${SWEEP_END}\n<!-- costs:start -->\ncosts\n`;
    expect(spliceSweep(doc, [SWEEP_START, 'new', SWEEP_END])).toBe(
      `# B\n\n${SWEEP_START}\nnew\n${SWEEP_END}\n<!-- costs:start -->\ncosts\n`,
    );
  });

  it('goes before the feature costs when the document has none yet', () => {
    const doc = '# B\n\n<!-- costs:start -->\ncosts\n';
    expect(spliceSweep(doc, [SWEEP_START, 'new', SWEEP_END])).toBe(
      `# B\n\n${SWEEP_START}\nnew\n${SWEEP_END}\n<!-- costs:start -->\ncosts\n`,
    );
  });
});

describe('the purge and checkpoint target', () => {
  const line = (kind: string, p99: number, status: 'ok' | 'error' = 'ok') => ({
    id: `sweep-disturb-${kind}`,
    group: 'sweep',
    label: kind,
    setup: 'setup',
    status,
    ...(status === 'ok' ? { latency: latency(p99) } : { reason: 'boom' }),
  });

  it('is the larger of the two ratios to the plain run', () => {
    const run = {
      scenarios: [line('plain', 20), line('purge', 30), line('checkpoint', 50)],
    } as unknown as BenchRun;
    expect(disturbanceRatios(run)).toEqual({ purge: 1.5, checkpoint: 2.5, worst: 2.5, why: null });
  });

  it('says why when the step failed', () => {
    const run = {
      scenarios: [line('plain', 0, 'error'), line('purge', 0, 'error')],
    } as unknown as BenchRun;
    expect(disturbanceRatios(run)).toMatchObject({ worst: null, why: 'error: boom' });
  });
});
