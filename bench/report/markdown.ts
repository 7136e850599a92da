import type { BenchRun, ScenarioResult } from '../lib/results.js';
import { fmt } from '../lib/format.js';
import { renderCosts } from './costs-section.js';
import { renderRetention } from './retention-section.js';
import { renderStats } from './stats-section.js';
import { renderSweep } from './sweep-section.js';

const cell = (text: string) => text.replace(/\|/g, '\\|');

function statusCell(s: ScenarioResult): string {
  if (s.status === 'ok') return cell(s.reason ?? '');
  return `${s.status}: ${cell(s.reason ?? '')}`;
}

function throughputTable(run: BenchRun): string[] {
  const raw = run.scenarios.find((s) => s.id === 'raw-ceiling' && s.status === 'ok')?.perSecond;
  const rows = run.scenarios.filter(
    (s) =>
      s.group !== 'latency' &&
      s.group !== 'cost' &&
      s.group !== 'stats' &&
      s.group !== 'retention' &&
      s.group !== 'sweep',
  );
  const lines = [
    '| scenario | setup | rate | vs raw ceiling | peak RSS | note |',
    '|---|---|---:|---:|---:|---|',
  ];
  for (const s of rows) {
    const rate = s.perSecond !== undefined ? `${fmt(s.perSecond)} ${s.unit ?? '/s'}` : '—';
    const share =
      raw && s.perSecond !== undefined && s.unit !== 'messages/s' && s.unit !== 'transactions/s'
        ? `${((s.perSecond / raw) * 100).toFixed(0)}%`
        : '—';
    const rss = s.peakRssMb !== undefined ? `${s.peakRssMb.toFixed(0)} MiB` : '—';
    lines.push(
      `| ${cell(s.label)} | ${cell(s.setup)} | ${rate} | ${share} | ${rss} | ${statusCell(s)} |`,
    );
  }
  return lines;
}

function latencyTable(run: BenchRun): string[] {
  const rows = run.scenarios.filter((s) => s.group === 'latency');
  const lines = [
    '| offered rate | setup | achieved | p50 | p95 | p99 | max | samples | peak RSS | note |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const s of rows) {
    const l = s.latency;
    const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : `${v} ms`);
    const rss = s.peakRssMb !== undefined ? `${s.peakRssMb.toFixed(0)} MiB` : '—';
    const achieved = s.perSecond !== undefined ? `${fmt(s.perSecond)}/s` : '—';
    lines.push(
      `| ${cell(s.label)} | ${cell(s.setup)} | ${achieved} | ${ms(l?.p50)} | ${ms(l?.p95)} | ${ms(l?.p99)} | ${ms(l?.max)} | ${l ? fmt(l.count) : '—'} | ${rss} | ${statusCell(s)} |`,
    );
  }
  return lines;
}

function targetsTable(run: BenchRun): string[] {
  const mark = (met: boolean | null) =>
    met === null ? 'not measured' : met ? 'met' : '**missed**';
  return [
    '| area | target | measured | result |',
    '|---|---|---|---|',
    ...run.targets.map((t) => `| ${t.area} | ${t.target} | ${cell(t.measured)} | ${mark(t.met)} |`),
  ];
}

function ratioLines(run: BenchRun): string[] {
  const names: Record<string, string> = {
    hooklineDrainToRawCeiling: 'Hookline SQLite drain ÷ raw ceiling',
    hooklineDrainToBullmq: 'Hookline SQLite drain ÷ BullMQ',
    hooklineFailing10ToBullmqFailing10: 'Hookline ÷ BullMQ, 10% failing responses',
    postgresDrainToRawCeiling: 'Hookline PostgreSQL drain ÷ raw ceiling',
    postgresIngestToPgbench: 'PostgreSQL ingest, one api process ÷ pgbench -N tps',
    postgresTwoApisToOne: 'PostgreSQL ingest, two api processes ÷ one',
    postgresTwoWorkersToOne: 'PostgreSQL drain, two workers ÷ one worker',
    backlog1mToBacklog10k: '1M backlog ÷ 10k backlog',
    endpoints10kToEndpoints10: '10,000 endpoints ÷ 10 endpoints',
    payload64kToPayload1k: '64 KiB payloads ÷ 1 KiB payloads (deliveries/s)',
    failing10ToAllOk: '10% failing ÷ all succeeding (deliveries/s)',
  };
  // The feature costs have their own section.
  return Object.entries(run.ratios)
    .filter(([key]) => key in names)
    .map(
      ([key, value]) =>
        `- ${names[key] ?? key}: ${value === null ? 'not measured' : `**${value.toFixed(2)}**`}`,
    );
}

function profileLines(run: BenchRun): string[] {
  const p = run.profile;
  if (!p) return [];
  type Entry = { name: string; selfMs: number; share: number };
  const table = (head: string, entries: Entry[]) => [
    `| ${head} | self ms | share |`,
    '|---|---:|---:|',
    ...entries.map(
      (t) => `| ${cell(t.name)} | ${fmt(t.selfMs)} | ${(t.share * 100).toFixed(1)}% |`,
    ),
    '',
  ];
  const lines = [
    '## Where Hookline spends its time in the drain',
    '',
    `A separate run under \`--cpu-prof\` (not one of the figures above): the Hookline process during "${cell(p.scenario)}", start-up included, one profile per thread. A native call (a SQLite statement, an HMAC) counts as self time of the JavaScript line that makes it.`,
    '',
  ];
  for (const t of p.threads) {
    lines.push(
      `### Thread: ${t.thread} (${fmt(t.totalMs)} ms sampled)`,
      '',
      'By file or package:',
      '',
      ...table('file / package', t.byFile.slice(0, 12)),
      "Hottest lines of Hookline's own code:",
      '',
      ...table('line', t.hotLines.slice(0, 8)),
      'Top functions:',
      '',
      ...table('function (file:line)', t.top.slice(0, 12)),
    );
  }
  return lines;
}

export function renderMarkdown(run: BenchRun, chartFile: string, method: string[]): string {
  const m = run.machine;
  return [
    '# Benchmarks',
    '',
    `<!-- Generated by bench/run.ts; rerun the command below instead of editing this file. -->`,
    '',
    `Measured ${run.startedAt.slice(0, 10)} in **${run.mode}** mode (${run.durationSeconds.toFixed(0)} s), every figure from the same run:`,
    '',
    '```sh',
    run.command,
    '```',
    '',
    `Raw JSON: \`bench/results/latest.json\`. The anchors keep ${run.concurrency} requests in flight, as many as Hookline's sender keeps connections to one receiver origin.`,
    '',
    '## Targets',
    '',
    ...targetsTable(run),
    '',
    '## Ratios (same run)',
    '',
    ...ratioLines(run),
    '',
    ...renderSweep(run),
    ...renderCosts(run),
    ...renderStats(run),
    ...renderRetention(run),
    '## Throughput',
    '',
    `![Delivery throughput](${chartFile})`,
    '',
    ...throughputTable(run),
    '',
    '## Latency: API acknowledgement to arrival at the receiver',
    '',
    ...latencyTable(run),
    '',
    ...profileLines(run),
    '## Machine',
    '',
    `- CPU: ${m.cpuModel}, ${m.cores} cores`,
    `- Memory: ${m.memoryGb} GiB`,
    `- OS: ${m.os}`,
    `- Node.js ${m.node}; SQLite ${m.sqlite ?? 'n/a'}; Redis ${m.redis ?? 'not reachable'}; PostgreSQL ${m.postgres ?? 'not reachable'}`,
    `- 1-minute load average: ${m.loadAverage.start} at the start, ${m.loadAverage.end} at the end (above ${m.cores} means other work shared the CPUs)`,
    '',
    '## Method',
    '',
    ...method,
    '',
  ].join('\n');
}
