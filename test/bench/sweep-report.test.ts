import { describe, expect, it } from 'vitest';
import type { SweepStep } from '../../bench/sweep/run-sweep.js';
import { sustainableRate } from '../../bench/sweep/run-sweep.js';
import { sweepResults } from '../../bench/sweep/step-results.js';
import { computeRatios } from '../../bench/report/targets.js';
import {
  missedBelow,
  renderSweep,
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

  it('notes the lower rates that missed the objective (a stall in that step)', () => {
    const steps = [step(500, 20), step(1000, 61), step(2000, 37), step(3000, 900)];
    const run = { scenarios: sweepResults('hookline', 'setup', steps) } as unknown as BenchRun;
    expect(sustainable(run, 'hookline')).toBe(2000);
    expect(missedBelow(run, 'hookline')).toBe('below it, 1,000/s (p99 61 ms) missed the objective');
    const clean = [step(500, 20), step(1000, 30), step(2000, 900)];
    const cleanRun = { scenarios: sweepResults('hookline', 'setup', clean) } as unknown as BenchRun;
    expect(missedBelow(cleanRun, 'hookline')).toBeUndefined();
    const lossy = [step(500, 20, { missing: 3 }), step(1000, 30, { errors: 2 }), step(2000, 30)];
    const lossyRun = { scenarios: sweepResults('hookline', 'setup', lossy) } as unknown as BenchRun;
    expect(missedBelow(lossyRun, 'hookline')).toBe(
      'below it, 500/s (3 missing), 1,000/s (2 errors) missed the objective',
    );
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

describe('the issue 20 targets', () => {
  const ok = (id: string, perSecond: number) =>
    ({ id, group: 'postgres', label: id, setup: '', status: 'ok', perSecond }) as const;
  const runOf = (scenarios: BenchRun['scenarios']) =>
    ({
      mode: 'quick',
      command: 'npm run bench -- --sweep',
      startedAt: '2026-11-30T23:00:00.000Z',
      durationSeconds: 100,
      machine: { cores: 2, loadAverage: { start: 1, end: 1 } },
      plan: { sweep: { seconds: 2, warmupSeconds: 3, warmupRate: 500, drainLimitSeconds: 15 } },
      scenarios,
      ratios: computeRatios(scenarios),
    }) as unknown as BenchRun;
  const row = (run: BenchRun, measure: string) =>
    renderSweep(run).find((l) => l.startsWith(`| ${measure}`)) ?? '';
  const steps = [
    step(100, 20),
    step(250, 2000, { saturated: true }),
    step(1000, 3000, {
      saturated: true,
      afterSaturation: true,
      ack: { ...latency(1), p99: 35 },
    }),
  ];

  it('reads two api processes ÷ one and two workers ÷ one from the same run', () => {
    const run = runOf([
      ok('ingest-postgres', 1000),
      ok('ingest-postgres-2-api', 1700),
      ok('pgbench-ceiling', 4000),
      ok('drain-postgres-1-worker', 2000),
      ok('drain-postgres-2-workers', 3000),
      ...sweepResults('postgres', 'setup', steps),
    ]);
    expect(row(run, 'two api processes ÷ one')).toContain('| 1.70 × (1,700 ÷ 1,000 msg/s');
    expect(row(run, 'two api processes ÷ one')).toContain('| met |');
    expect(row(run, 'drain with two workers ÷ one worker')).toContain('| 1.50 ×');
    expect(row(run, 'drain with two workers ÷ one worker')).toContain('**MISSED**');
    expect(row(run, 'single-message ingest, one api process')).toContain(
      '0.25 (1,000 msg/s ÷ 4,000 tps)',
    );
  });

  it('says how many cores a second process could add, from the one-process run', () => {
    const cores = (busy: number, own: string, ownCores: number) => ({
      extra: { machineCores: 2, coresBusy: busy, [own]: ownCores, databaseCores: 0.2 },
    });
    const run = runOf([
      { ...ok('ingest-postgres', 3000), ...cores(1.6, 'apiCores', 0.7) },
      { ...ok('ingest-postgres-2-api', 1800), ...cores(1.9, 'apiCores', 1.1) },
      { ...ok('drain-postgres-1-worker', 4000), ...cores(0.8, 'workersCores', 0.4) },
      { ...ok('drain-postgres-2-workers', 7000), ...cores(1.5, 'workersCores', 0.8) },
      ...sweepResults('postgres', 'setup', steps),
    ]);
    const apis = row(run, 'two api processes ÷ one');
    expect(apis).toContain(
      'cores busy of 2: 1.6 with one (api 0.7, database 0.2), 1.9 with two (apis 1.1, database 0.2)',
    );
    expect(apis).toContain(
      'so this machine fits about 1.25× (2 ÷ 1.6) if a message costs the same CPU with two, and the two-process run kept it saturated',
    );
    expect(apis).toContain('**MISSED**');
    // With cores to spare (2 ÷ 0.8 = 2.5× room), the ratio stands on its own.
    const workers = row(run, 'drain with two workers ÷ one worker');
    expect(workers).toContain(
      'cores busy of 2: 0.8 with one (worker 0.4, database 0.2), 1.5 with two (workers 0.8, database 0.2)',
    );
    expect(workers).not.toContain('fits about');
    expect(workers).toContain('| met |');
  });

  it('turns the ingest cores into CPU per message and the cores the target would take', () => {
    const run = runOf([
      {
        ...ok('ingest', 4000),
        group: 'ingest',
        extra: {
          machineCores: 2,
          coresBusy: 1.8,
          hooklineCores: 1.2,
          hooklineCpuMs: 9_000,
          acked: 30_000,
        },
      },
      ...sweepResults('postgres', 'setup', steps),
    ]);
    expect(row(run, 'single-message ingest, role api')).toContain(
      'cores busy of 2: 1.8, Hookline 1.2; 300 µs of Hookline CPU per message, so 10,000/s would take 3.0 cores of CPU',
    );
  });

  // The harness's own CPU as bench/harness-cost.ts records it: a relay costs 80 µs, the bare 100.
  const harness = {
    ...ok('harness-cost', 17_000),
    extra: {
      machineCores: 2,
      producerClosedUs: 50,
      producerOpenUs: 50,
      apiFloorUs: 35,
      senderFloorUs: 65,
      receiverUs: 30,
      openRate: 12_000,
      openPerSecond: 12_000,
    },
  };

  it('puts what a missed rate leaves per message, after the harness, next to the floor', () => {
    const run = runOf([
      harness,
      { ...ok('ingest', 4000), group: 'ingest' },
      ...sweepResults('hookline', 'setup', [step(1000, 20), step(2000, 30), step(3000, 900)]),
      ...sweepResults('bullmq', 'setup', [step(1000, 20), step(4000, 40), step(6000, 900)]),
    ]);
    expect(row(run, 'the same ÷ BullMQ')).toContain(
      'BullMQ 4,000 msg/s; ingest and delivery at 12,000/s: 167 µs of CPU per message on this machine, of which the harness takes 80 µs, leaving at most 87 µs; less than the 100 µs a bare node:http API and undici sender',
    );
    expect(row(run, 'sustainable rate at p99 ≤ 50 ms')).toContain(
      'ingest and delivery at 5,000/s: 400 µs of CPU per message',
    );
    expect(row(run, 'single-message ingest, role api')).toContain(
      'ingest at 10,000/s: 200 µs of CPU per message on this machine, of which the harness takes 50 µs',
    );
    expect(renderSweep(run).join('\n')).toContain('**The harness shares the machine.**');
  });

  it('puts the durable floor of the same run beside each missed target', () => {
    const cpu = (us: number) => ({ cpuUsPerMessage: us });
    const run = runOf([
      harness,
      {
        ...ok('ingest', 4000),
        group: 'ingest',
      },
      {
        ...ok('ingest-floor', 7000),
        group: 'ingest',
        extra: { floorCpuMs: 3_000, acked: 20_000, floorCores: 1 },
      },
      { ...ok('raw-ceiling', 20_000), group: 'anchor' },
      { ...ok('drain-sqlite', 6_000), group: 'drain' },
      { ...ok('drain-floor', 11_000), group: 'drain' },
      ...sweepResults('hookline', 'setup', [
        step(2000, 30, { ...cpu(600), ack: { ...latency(1), p99: 22 } }),
        step(3000, 900),
      ]),
      ...sweepResults('bullmq', 'setup', [step(2000, 20), step(3000, 40), step(4000, 900)]),
      ...sweepResults('floor', 'setup', [
        step(2000, 20, { ...cpu(400), ack: { ...latency(1), p99: 8.04 } }),
        step(4000, 45),
        step(6000, 900),
      ]),
    ]);
    const sustained = row(run, 'sustainable rate at p99 ≤ 50 ms');
    expect(sustained).toContain(
      'the durable floor held 4,000 msg/s at p99 ≤ 50 ms in this run, short of the target too',
    );
    expect(sustained).toContain(
      'CPU per message at 2,000/s: Hookline 600 µs, the floor 400 µs (1.5×)',
    );
    expect(row(run, 'the same ÷ BullMQ')).toContain(
      'the durable floor ÷ BullMQ: 1.33×, short of 3× too',
    );
    expect(row(run, "p99 of the API's acknowledgement at 2,000")).toContain(
      "the durable floor's at 2,000/s: 8 ms",
    );
    expect(row(run, "p99 of the API's acknowledgement at 2,000")).not.toContain(
      'over the target too',
    );
    expect(row(run, 'single-message ingest, role api')).toContain(
      'the durable floor took 7,000 msg/s using 1.00 cores of CPU, 150 µs of CPU per message, short of the target too',
    );
    expect(row(run, 'backlog drain ÷ raw undici ceiling')).toContain(
      '| 0.30 (6,000 ÷ 20,000 deliveries/s; the durable floor drained the same backlog at 0.55 of it (11,000 ÷ 20,000 deliveries/s), short of the target too) |',
    );
    const doc = renderSweep(run).join('\n');
    expect(doc).toContain('**The durable floor.**');
    // The per-step tables carry each system's CPU per message, where it was counted.
    expect(doc).toContain(
      '| 2,000/s | 2,000/s | 10 ms | 20 ms | 20 ms | 0.5 ms | 8.04 ms | 400 µs |',
    );
    expect(doc).toContain('| 3,000/s | 3,000/s | 20 ms | 40 ms | 40 ms | 0.5 ms | 1 ms | — |');

    // A floor that held the target rate says the rate is within reach.
    const within = runOf([
      ...sweepResults('hookline', 'setup', [step(2000, 30), step(3000, 900)]),
      ...sweepResults('floor', 'setup', [step(5000, 30), step(6000, 900)]),
    ]);
    expect(row(within, 'sustainable rate at p99 ≤ 50 ms')).toContain(
      'the durable floor held 5,000 msg/s at p99 ≤ 50 ms in this run, so the rate is within reach here',
    );
    // Without a floor in the run, no note names it.
    const none = runOf(sweepResults('hookline', 'setup', [step(2000, 30), step(3000, 900)]));
    expect(row(none, 'sustainable rate at p99 ≤ 50 ms')).not.toContain('floor');
    expect(renderSweep(none).join('\n')).not.toContain('**The durable floor.**');
  });

  it('adds no budget where the target was met', () => {
    const run = runOf([
      harness,
      { ...ok('ingest', 12_000), group: 'ingest' },
      ...sweepResults('hookline', 'setup', [step(6000, 20), step(8000, 900)]),
      ...sweepResults('bullmq', 'setup', [step(1000, 20), step(2000, 900)]),
    ]);
    for (const measure of [
      'the same ÷ BullMQ',
      'sustainable rate at p99 ≤ 50 ms',
      'single-message ingest, role api',
    ])
      expect(row(run, measure), measure).not.toContain('µs of CPU per message');
    expect(row(run, 'single-message ingest, role api')).toMatch(/\| met \|$/);
  });

  it('leaves the cores out of a run that did not record them', () => {
    const run = runOf([
      ok('ingest-postgres', 1000),
      ok('ingest-postgres-2-api', 1700),
      ...sweepResults('postgres', 'setup', steps),
    ]);
    expect(row(run, 'two api processes ÷ one')).toContain('| 1.70 × (1,700 ÷ 1,000 msg/s) |');
  });

  it('takes the acknowledgement p99 at 1,000/s from a step offered after saturation', () => {
    const run = runOf(sweepResults('postgres', 'setup', steps));
    expect(row(run, 'acknowledgement p99 at 1,000 msg/s')).toContain('| 35 ms |');
    expect(sustainable(run, 'postgres')).toBe(100);
    const step1000 = renderSweep(run).find((l) => l.startsWith('| 1,000/s'));
    expect(step1000).toContain('offered after the sweep saturated');
  });

  it('says why a ratio is missing when pgbench is not installed', () => {
    const why = 'pgbench is not installed (Debian: postgresql-client); the ratio is skipped';
    const run = runOf([
      ok('ingest-postgres', 1000),
      { ...ok('pgbench-ceiling', 0), status: 'skipped', reason: why, perSecond: undefined },
      ...sweepResults('postgres', 'setup', steps),
    ]);
    expect(row(run, 'single-message ingest, one api process')).toContain(
      `not measured: skipped: ${why}`,
    );
    expect(row(run, 'drain with two workers')).toContain(
      'not measured: drain-postgres-2-workers not run',
    );
  });
});
