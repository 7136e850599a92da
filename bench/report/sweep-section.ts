import { fmt } from '../lib/format.js';
import type { BenchRun, ScenarioResult } from '../lib/results.js';
import { SWEEP_LABELS, warmUpText, type SweepSystem } from '../sweep/step-results.js';
import { disturbanceRatios, disturbanceTable } from './disturbance.js';
import { costNote } from './cost-note.js';
import { budgetNote, harnessParagraph } from './cpu-budget.js';
import {
  cpuPairNote,
  floorAckNote,
  floorDrainNote,
  floorIngestNote,
  floorRateNote,
  floorRatioNote,
} from './floor-note.js';
import { headroomNote } from './headroom.js';
import { lineChartSvg } from './line-chart.js';

export const SWEEP_CHART_FILE = 'benchmarks-sweep.svg';

/** The section between these markers is what `npm run bench -- --sweep` rewrites. */
export const SWEEP_START = '<!-- sweep:start -->';
export const SWEEP_END = '<!-- sweep:end -->';

/** Objectives of the sustainable rate: issue 16 (SQLite, BullMQ) and issue 20 (PostgreSQL). */
const OBJECTIVE_MS: Record<SweepSystem, number> = {
  hookline: 50,
  bullmq: 50,
  floor: 50,
  postgres: 100,
};
const SYSTEMS: SweepSystem[] = ['hookline', 'bullmq', 'floor', 'postgres'];
const COLOURS: Record<SweepSystem, string> = {
  hookline: '#1a73e8',
  bullmq: '#9aa0a6',
  floor: '#e37400',
  postgres: '#188038',
};

const cell = (text: string) => text.replace(/\|/g, '\\|');
const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : `${v} ms`);

function stepsOf(run: BenchRun, system: SweepSystem): ScenarioResult[] {
  return run.scenarios
    .filter((s) => s.group === 'sweep' && s.extra?.system === system && s.status === 'ok')
    .sort((a, b) => Number(a.extra!.offered) - Number(b.extra!.offered));
}

/** Why a system's sweep has no steps (skipped or failed), or null. */
function notRun(run: BenchRun, system: SweepSystem): string | null {
  const line = run.scenarios.find((s) => s.id === `sweep-${system}`);
  if (line) return `${line.status}: ${line.reason ?? ''}`;
  return stepsOf(run, system).length === 0 ? 'not run' : null;
}

type Step = ReturnType<typeof stepsOf>[number];

/** Every message of the step arrived, without an error, with p99 within the objective. */
const held = (s: Step, system: SweepSystem): boolean =>
  s.extra!.missing === 0 &&
  s.extra!.errors === 0 &&
  s.latency !== undefined &&
  s.latency.p99 <= OBJECTIVE_MS[system];

/** The highest offered rate whose messages all arrived with p99 within the objective (0: none). */
export function sustainable(run: BenchRun, system: SweepSystem): number | null {
  const steps = stepsOf(run, system);
  if (steps.length === 0) return null;
  let best = 0;
  for (const s of steps) if (held(s, system)) best = Math.max(best, Number(s.extra!.offered));
  return best;
}

/**
 * The rates below the sustainable one that missed the objective (a stall in that step), as a note:
 * the sustainable rate is the highest that held, which need not mean every lower one did.
 */
export function missedBelow(run: BenchRun, system: SweepSystem): string | undefined {
  const best = sustainable(run, system);
  if (!best) return undefined;
  const missed = stepsOf(run, system).filter(
    (s) => Number(s.extra!.offered) < best && !held(s, system),
  );
  if (missed.length === 0) return undefined;
  const steps = missed.map((s) => {
    const why =
      Number(s.extra!.missing) > 0
        ? `${fmt(Number(s.extra!.missing))} missing`
        : Number(s.extra!.errors) > 0
          ? `${fmt(Number(s.extra!.errors))} errors`
          : `p99 ${ms(s.latency?.p99)}`;
    return `${fmt(Number(s.extra!.offered))}/s (${why})`;
  });
  return `below it, ${steps.join(', ')} missed the objective`;
}

export function sweepChart(run: BenchRun): string {
  return lineChartSvg(
    `p99 send → arrival against offered rate, ${run.machine.cores} cores (${run.mode} mode)`,
    { x: 'offered messages/s', y: 'p99, ms (log scale)' },
    SYSTEMS.map((system) => ({
      name: SWEEP_LABELS[system],
      colour: COLOURS[system],
      points: stepsOf(run, system)
        .filter((s) => s.latency && !Number.isNaN(s.latency.p99))
        .map((s) => ({ x: Number(s.extra!.offered), y: s.latency!.p99 })),
    })).filter((s) => s.points.length > 0),
    { y: 50, text: '50 ms objective' },
  );
}

function stepTable(run: BenchRun, system: SweepSystem): string[] {
  const why = notRun(run, system);
  if (why) return [`${SWEEP_LABELS[system]}: ${cell(why)}`, ''];
  const steps = stepsOf(run, system);
  const missed = missedBelow(run, system);
  return [
    `**${SWEEP_LABELS[system]}** — ${cell(steps[0]!.setup)}; sustainable rate at p99 ≤ ${OBJECTIVE_MS[system]} ms: ${sustainable(run, system) ? `**${fmt(sustainable(run, system)!)} messages/s**` : `**none**: not even the lowest rate offered (${fmt(Number(steps[0]!.extra!.offered))}/s) held it`}${missed ? ` (${missed})` : ''}`,
    '',
    '| offered | achieved | p50 | p99 | max | ack p50 | ack p99 | CPU per message | peak RSS | note |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...steps.map((s) => {
      const l = s.latency;
      const cpu = s.extra!.cpuUsPerMessage;
      return `| ${fmt(Number(s.extra!.offered))}/s | ${fmt(s.perSecond!)}/s | ${ms(l?.p50)} | ${ms(l?.p99)} | ${ms(l?.max)} | ${ms(Number(s.extra!.ackP50Ms))} | ${ms(Number(s.extra!.ackP99Ms))} | ${typeof cpu === 'number' ? `${fmt(cpu)} µs` : '—'} | ${s.peakRssMb !== undefined ? `${s.peakRssMb.toFixed(0)} MiB` : '—'} | ${cell(s.reason ?? '')} |`;
    }),
    '',
  ];
}

interface Row {
  measure: string;
  target: string;
  /** Measured value and the target in the same unit; null when not measured. */
  value: number | null;
  goal: number;
  higherIsBetter: boolean;
  unit: string;
  /** Why not measured, or a note. */
  note?: string;
}

function rowLine(r: Row): string {
  if (r.value === null)
    return `| ${r.measure} | ${r.target} | — | — | not measured: ${cell(r.note ?? '')} |`;
  const met = r.higherIsBetter ? r.value >= r.goal : r.value <= r.goal;
  const shown = r.unit === '×' || r.unit === '' ? r.value.toFixed(2) : fmt(r.value);
  return `| ${r.measure} | ${r.target} | ${shown}${r.unit === '' ? '' : ` ${r.unit}`}${r.note ? ` (${cell(r.note)})` : ''} | ${(r.value / r.goal).toFixed(2)} | ${met ? 'met' : '**MISSED**'} |`;
}

const perSecond = (run: BenchRun, id: string) => {
  const s = run.scenarios.find((x) => x.id === id);
  return s?.status === 'ok' && s.perSecond !== undefined ? s.perSecond : null;
};
const why = (run: BenchRun, id: string) => {
  const s = run.scenarios.find((x) => x.id === id);
  return s ? `${s.status}: ${s.reason ?? ''}` : `${id} not run`;
};
const stepExtra = (run: BenchRun, system: SweepSystem, rate: number, key: string) => {
  const s = run.scenarios.find((x) => x.id === `sweep-${system}-${rate}` && x.status === 'ok');
  const v = s?.extra?.[key];
  return typeof v === 'number' && !Number.isNaN(v) ? v : null;
};

function issue16(run: BenchRun): Row[] {
  const ack2000 = stepExtra(run, 'hookline', 2000, 'ackP99Ms');
  const hook = sustainable(run, 'hookline');
  const bull = sustainable(run, 'bullmq');
  const floor = sustainable(run, 'floor');
  const cpu2000 = cpuPairNote(
    2000,
    stepExtra(run, 'hookline', 2000, 'cpuUsPerMessage'),
    stepExtra(run, 'floor', 2000, 'cpuUsPerMessage'),
  );
  const drainShare = run.ratios.hooklineDrainToRawCeiling ?? null;
  const ingest = perSecond(run, 'ingest');
  const pg = sustainable(run, 'postgres');
  const rss = stepsOf(run, 'hookline').map((s) => s.peakRssMb ?? 0);
  const backlog = run.scenarios.find((s) => s.id === 'backlog-1m' && s.status === 'ok');
  const mib = 1.048576; // MiB → MB
  const disturbed = disturbanceRatios(run);
  return [
    {
      measure: 'sustainable rate at p99 ≤ 50 ms, defaults, SQLite',
      target: '≥ 5,000 msg/s',
      value: hook,
      goal: 5000,
      higherIsBetter: true,
      unit: 'msg/s',
      note: notes(
        hook === null ? (notRun(run, 'hookline') ?? '') : missedBelow(run, 'hookline'),
        hook !== null && hook < 5000 ? budgetNote(run, 5000, 'relay') : null,
        hook !== null && hook < 5000 ? floorRateNote(floor, 5000) : null,
        hook !== null && hook < 5000 ? cpu2000 : null,
      ),
    },
    {
      measure: 'the same ÷ BullMQ on the same sweep',
      target: '≥ 3×',
      value: hook !== null && bull ? hook / bull : null,
      goal: 3,
      higherIsBetter: true,
      unit: '×',
      note:
        hook !== null && bull
          ? notes(
              `BullMQ ${fmt(bull)} msg/s`,
              hook < 3 * bull ? budgetNote(run, 3 * bull, 'relay') : null,
              hook < 3 * bull ? floorRatioNote(floor, bull) : null,
            )
          : bull === 0
            ? 'BullMQ held no rate'
            : (notRun(run, 'bullmq') ?? ''),
    },
    {
      measure: "p99 of the API's acknowledgement at 2,000 msg/s offered",
      target: '≤ 10 ms',
      value: ack2000,
      goal: 10,
      higherIsBetter: false,
      unit: 'ms',
      note:
        ack2000 === null
          ? 'the sweep stopped before 2,000/s'
          : ack2000 > 10
            ? notes(undefined, floorAckNote(stepExtra(run, 'floor', 2000, 'ackP99Ms'), 2000, 10))
            : undefined,
    },
    {
      measure: 'backlog drain ÷ raw undici ceiling',
      target: '≥ 60%',
      value: drainShare,
      goal: 0.6,
      higherIsBetter: true,
      unit: '',
      note:
        drainShare === null
          ? why(run, 'drain-sqlite')
          : drainShare < 0.6
            ? notes(
                `${fmt(perSecond(run, 'drain-sqlite') ?? 0)} ÷ ${fmt(perSecond(run, 'raw-ceiling') ?? 0)} deliveries/s`,
                floorDrainNote(run, perSecond(run, 'raw-ceiling'), 0.6),
              )
            : undefined,
    },
    {
      measure: 'single-message ingest, role api',
      target: '≥ 10,000 msg/s',
      value: ingest,
      goal: 10000,
      higherIsBetter: true,
      unit: 'msg/s',
      note:
        ingest === null
          ? why(run, 'ingest')
          : notes(
              costNote(run, 'ingest', 10_000) ?? '',
              ingest < 10_000 ? budgetNote(run, 10_000, 'ingest') : null,
              ingest < 10_000 ? floorIngestNote(run, 10_000) : null,
            ) || undefined,
    },
    {
      measure: 'PostgreSQL: sustainable rate, 1 api + 2 workers, p99 ≤ 100 ms',
      target: '≥ 3,000 msg/s',
      value: pg,
      goal: 3000,
      higherIsBetter: true,
      unit: 'msg/s',
      note: pg === null ? (notRun(run, 'postgres') ?? '') : missedBelow(run, 'postgres'),
    },
    {
      measure: 'a purge or WAL checkpoint during the sweep moves p99 by',
      target: '≤ 2×',
      value: disturbed.worst,
      goal: 2,
      higherIsBetter: false,
      unit: '×',
      note:
        disturbed.worst === null
          ? (disturbed.why ?? '')
          : `purge ${disturbed.purge ?? '—'}×, checkpoints ${disturbed.checkpoint ?? '—'}×`,
    },
    {
      measure: 'peak RSS during the sweep',
      target: '≤ 250 MB',
      value: rss.length ? Math.max(...rss) * mib : null,
      goal: 250,
      higherIsBetter: false,
      unit: 'MB',
      note: rss.length ? undefined : (notRun(run, 'hookline') ?? ''),
    },
    {
      measure: 'peak RSS with a 1M backlog',
      target: '≤ 250 MB',
      value: backlog?.peakRssMb !== undefined ? backlog.peakRssMb * mib : null,
      goal: 250,
      higherIsBetter: false,
      unit: 'MB',
      note: backlog ? undefined : why(run, 'backlog-1m'),
    },
  ];
}

/** The figures behind a ratio of two scenarios, or why one of them is missing. */
function pairNote(
  run: BenchRun,
  [a, b]: [string, string],
  both: (a: number, b: number) => string,
): string {
  const x = perSecond(run, a);
  const y = perSecond(run, b);
  if (x !== null && y !== null) return both(x, y);
  return x === null ? why(run, a) : why(run, b);
}

const withHeadroom = (note: string, headroom: string | null) =>
  headroom ? `${note}; ${headroom}` : note;

function issue20(run: BenchRun): Row[] {
  const ack1000 = stepExtra(run, 'postgres', 1000, 'ackP99Ms');
  const ingest = perSecond(run, 'ingest-postgres');
  const tps = perSecond(run, 'pgbench-ceiling');
  const pg = sustainable(run, 'postgres');
  const twoApis = run.ratios.postgresTwoApisToOne ?? null;
  const twoWorkers = run.ratios.postgresTwoWorkersToOne ?? null;
  return [
    {
      measure: 'single-message ingest, one api process ÷ `pgbench -N` tps, same server',
      target: '≥ 0.8',
      value: ingest !== null && tps ? ingest / tps : null,
      goal: 0.8,
      higherIsBetter: true,
      unit: '',
      note:
        ingest !== null && tps
          ? `${fmt(ingest)} msg/s ÷ ${fmt(tps)} tps`
          : ingest === null
            ? why(run, 'ingest-postgres')
            : why(run, 'pgbench-ceiling'),
    },
    {
      measure: 'open-loop sweep, 1 api + 2 workers, sustainable rate at p99 ≤ 100 ms',
      target: '≥ 3,000 msg/s',
      value: pg,
      goal: 3000,
      higherIsBetter: true,
      unit: 'msg/s',
      note: pg === null ? (notRun(run, 'postgres') ?? '') : missedBelow(run, 'postgres'),
    },
    {
      measure: 'two api processes ÷ one, while the database has headroom',
      target: '≥ 1.6×',
      value: twoApis,
      goal: 1.6,
      higherIsBetter: true,
      unit: '×',
      note: withHeadroom(
        pairNote(
          run,
          ['ingest-postgres-2-api', 'ingest-postgres'],
          (two, one) =>
            `${fmt(two)} ÷ ${fmt(one)} msg/s${tps ? `; pgbench ${fmt(tps)} tps, so the two used ${((two / tps) * 100).toFixed(0)}% of it` : ''}`,
        ),
        headroomNote(run, ['ingest-postgres', 'ingest-postgres-2-api'], 'api', 1.6),
      ),
    },
    {
      measure: 'drain with two workers ÷ one worker',
      target: '≥ 1.6×',
      value: twoWorkers,
      goal: 1.6,
      higherIsBetter: true,
      unit: '×',
      note: withHeadroom(
        pairNote(
          run,
          ['drain-postgres-2-workers', 'drain-postgres-1-worker'],
          (two, one) => `${fmt(two)} ÷ ${fmt(one)} deliveries/s`,
        ),
        headroomNote(run, ['drain-postgres-1-worker', 'drain-postgres-2-workers'], 'workers', 1.6),
      ),
    },
    {
      measure: 'acknowledgement p99 at 1,000 msg/s',
      target: '≤ 20 ms',
      value: ack1000,
      goal: 20,
      higherIsBetter: false,
      unit: 'ms',
      note:
        ack1000 === null
          ? (notRun(run, 'postgres') ?? 'the PostgreSQL sweep has no 1,000/s step')
          : undefined,
    },
  ];
}

const TABLE_HEAD = [
  '| measure | target | measured | measured ÷ target | result |',
  '|---|---|---|---:|---|',
];

export function renderSweep(run: BenchRun): string[] {
  if (!run.scenarios.some((s) => s.group === 'sweep')) return [];
  const m = run.machine;
  const busy = m.loadAverage.start > m.cores || m.loadAverage.end > m.cores;
  return [
    SWEEP_START,
    '## Sustained load: open-loop sweep (issues 16 and 20)',
    '',
    `Measured ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC in **${run.mode}** mode (${run.durationSeconds.toFixed(0)} s) with \`${run.command}\`, every figure below from that one run.`,
    '',
    `An open-loop producer (\`bench/hookline/load-generator.ts\`, 64 keep-alive connections; one process for the warm-up and every step, so it is warm too) offers each rate for ${run.plan.sweep.seconds} s after ${warmUpText(run.plan.sweep)}, one \`POST /messages\` per message, from an empty queue; the sweep steps up until a rate saturates (a message lost or late past ${run.plan.sweep.drainLimitSeconds} s, an error, or p99 over 1 s). Latency runs from each message's **scheduled** send time to its arrival at the receiver, so a producer held up by a slow API still counts the wait (no coordinated omission); "ack" is send start → 202. BullMQ gets the same producer, rates and receiver.`,
    '',
    busy
      ? `**The machine was busy during this run**: 1-minute load average ${m.loadAverage.start} at the start and ${m.loadAverage.end} at the end on ${m.cores} cores. Absolute figures are low; compare the systems within this run.`
      : `Load average ${m.loadAverage.start} → ${m.loadAverage.end} on ${m.cores} cores.`,
    '',
    ...harnessParagraph(run),
    ...floorParagraph(run),
    `![p99 against offered rate](${SWEEP_CHART_FILE})`,
    '',
    '### Targets of issue 16 (sustained load, SQLite)',
    '',
    ...TABLE_HEAD,
    ...issue16(run).map(rowLine),
    '',
    '### Targets of issue 20 (PostgreSQL)',
    '',
    ...TABLE_HEAD,
    ...issue20(run).map(rowLine),
    '',
    '### Per step',
    '',
    ...SYSTEMS.flatMap((system) => stepTable(run, system)),
    ...disturbanceTable(run),
    SWEEP_END,
  ];
}

/** What the floor is, when it ran: the targets' notes compare with it. */
function floorParagraph(run: BenchRun): string[] {
  if (stepsOf(run, 'floor').length === 0) return [];
  return [
    `**The durable floor.** The sweep and the ingest also run against \`bench/sweep/floor-server.ts\`: a Node.js relay that keeps Hookline's promise and does nothing else. One JavaScript thread takes the same \`POST\`, commits each turn's messages in one SQLite transaction and answers 202 after the WAL's fdatasync (Hookline's own \`WalSync\`; checkpoints on Hookline's own checkpoint thread), then renders, signs and POSTs each with undici and records the result; it has no tenants, auth, validation schema, secondary indexes, claims, retry schedule or attempt log. Where it reaches a target and Hookline does not, the gap is what Hookline's features and threads cost. Where it misses one too, the machine gave this design, its work on one JavaScript thread (its fsyncs and checkpoints beside it), no more in this run; a design that spreads the same work over both cores might still reach it (the CPU budgets above say how much room there is). The per-step tables give each system's own CPU per message where it was counted.`,
    '',
  ];
}

/** A document with its sweep section replaced (inserted before the feature costs when absent). */
export function spliceSweep(doc: string, section: string[]): string {
  const text = `${section.join('\n')}\n`;
  const start = doc.indexOf(SWEEP_START);
  const end = doc.indexOf(SWEEP_END);
  if (start !== -1 && end > start) {
    const after = doc.slice(end + SWEEP_END.length).replace(/^\n+/, '');
    return `${doc.slice(0, start)}${text}${after}`;
  }
  const at = [doc.indexOf('<!-- costs:start -->'), doc.indexOf('## Throughput')].find(
    (i) => i !== -1,
  );
  return at === undefined
    ? `${doc.trimEnd()}\n\n${text}`
    : `${doc.slice(0, at)}${text}${doc.slice(at)}`;
}

/** A note with the others that exist (a CPU budget, the floor's figures) appended. */
function notes(note: string | undefined, ...more: Array<string | null>): string | undefined {
  const all = [note, ...more].filter((n): n is string => !!n);
  return all.length > 0 ? all.join('; ') : undefined;
}
