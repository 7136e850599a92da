import { fmt } from '../lib/format.js';
import type { BenchRun } from '../lib/results.js';

/** The section between these markers is what `npm run bench -- --stats` rewrites. */
export const STATS_START = '<!-- stats:start -->';
export const STATS_END = '<!-- stats:end -->';

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The console's stats routes timed over a stored history of millions of attempts. */
export function renderStats(run: BenchRun): string[] {
  const rows = run.scenarios.filter((s) => s.group === 'stats');
  if (rows.length === 0) return [];
  const ok = rows.filter((s) => s.status === 'ok' && s.latency);
  const extra = ok[0]?.extra ?? {};
  const worst = Math.max(...ok.map((s) => s.latency!.p95));
  const m = run.machine;
  const load = `1-minute load average ${m.loadAverage.start} at the start and ${m.loadAverage.end} at the end, on ${m.cores} cores${Math.max(m.loadAverage.start, m.loadAverage.end) >= m.cores * 0.75 ? ': **the machine was busy with other work**, so the times are longer than on a quiet one' : ''}`;
  return [
    STATS_START,
    '## Console stats with millions of attempts stored',
    '',
    `Measured ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC in **${run.mode}** mode with \`${run.command}\` (${load}).`,
    '',
    ok.length > 0
      ? `History: **${fmt(Number(extra.attempts))} attempts** stored (${fmt(Number(extra.rollupRows))} rollup rows, a ${fmt(Number(extra.dbMb))} MiB database, written in ${Number(extra.fillSeconds).toFixed(1)} s). Slowest p95: **${ms(worst)}** — target: well under a second, ${worst < 1000 ? '**met**' : '**missed**'}.`
      : 'Not measured.',
    '',
    '| route | setup | p50 | p95 | max |',
    '|---|---|---:|---:|---:|',
    ...rows.map((s) =>
      s.status === 'ok' && s.latency
        ? `| ${s.label} | ${s.setup} | ${ms(s.latency.p50)} | ${ms(s.latency.p95)} | ${ms(s.latency.max)} |`
        : `| ${s.label} | ${s.setup} | ${s.status}: ${s.reason ?? ''} | | |`,
    ),
    '',
    "Each request is timed over HTTP from the client, one at a time, against an in-process server on SQLite (`bench/hookline/stats-read.ts`). The history is written straight into the database with the server stopped: every attempt into `attempts`, and the same results through the store's own rollup writer, so the per-minute and per-hour rollups are what recording them live leaves. The routes read only the rollups (minute rows for a minute bucket, hour rows for an hour bucket), never the attempts, so their time follows the window's buckets and the app's endpoints, not the attempts stored.",
    STATS_END,
    '',
  ];
}

/** A document with its stats section replaced by `section` (inserted before the throughput when absent). */
export function spliceStats(doc: string, section: string[]): string {
  const text = section.join('\n');
  const start = doc.indexOf(STATS_START);
  const end = doc.indexOf(STATS_END);
  if (start !== -1 && end > start) {
    const after = doc.slice(end + STATS_END.length).replace(/^\n+/, '');
    return `${doc.slice(0, start)}${text}${after}`;
  }
  const at = doc.indexOf('## Throughput');
  return at === -1 ? `${doc.trimEnd()}\n\n${text}` : `${doc.slice(0, at)}${text}${doc.slice(at)}`;
}
