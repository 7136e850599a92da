import { fmt } from '../lib/format.js';
import type { BenchRun, ScenarioResult } from '../lib/results.js';

/** The section between these markers is what `npm run bench -- --retention` rewrites. */
export const RETENTION_START = '<!-- retention:start -->';
export const RETENTION_END = '<!-- retention:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|');
const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : `${v} ms`);

function loadText(run: BenchRun): string {
  const m = run.machine;
  const load = `1-minute load average ${m.loadAverage.start} at the start and ${m.loadAverage.end} at the end, on ${m.cores} cores`;
  return Math.max(m.loadAverage.start, m.loadAverage.end) >= m.cores * 0.75
    ? `**The machine was busy with other work during this run** (${load}): latencies are high and vary from run to run; compare the two latency rows, measured back to back on one process.`
    : `The machine was quiet (${load}).`;
}

function latencyRow(s: ScenarioResult | undefined): string {
  if (!s) return '';
  if (s.status !== 'ok')
    return `| ${cell(s.label)} | ${s.status}: ${cell(s.reason ?? '')} | | | | |`;
  const l = s.latency;
  return `| ${cell(s.label)} | ${s.perSecond !== undefined ? `${fmt(s.perSecond)}/s` : '—'} | ${ms(l?.p50)} | ${ms(l?.p99)} | ${ms(l?.max)} | ${l ? fmt(l.count) : '—'} |`;
}

/** Delivery latency with and without a purge, and the database size under steady traffic. */
export function renderRetention(run: BenchRun): string[] {
  const rows = run.scenarios.filter((s) => s.group === 'retention');
  if (rows.length === 0) return [];
  const quiet = rows.find((s) => s.id === 'retention-latency-baseline');
  const purge = rows.find((s) => s.id === 'retention-latency-purge');
  const steady = rows.find((s) => s.id === 'retention-steady-size');
  const ratio =
    quiet?.latency && purge?.latency ? (purge.latency.p99 / quiet.latency.p99).toFixed(2) : null;
  const x = purge?.extra ?? {};
  const s = steady?.extra ?? {};
  return [
    RETENTION_START,
    '## Retention: latency during a purge, size under steady traffic',
    '',
    `Measured ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC in **${run.mode}** mode with \`${run.command}\`. ${loadText(run)}`,
    '',
    `Setup: ${cell(quiet?.setup ?? purge?.setup ?? '')}.`,
    '',
    '| delivery latency (202 → arrival) | achieved | p50 | p99 | max | samples |',
    '|---|---:|---:|---:|---:|---:|',
    latencyRow(quiet),
    latencyRow(purge),
    '',
    `- p99 during the purge ÷ p99 without: ${ratio === null ? 'not measured' : `**${ratio}**`}`,
    `- The purge deleted ${fmt(Number(x.purgedDuringLoad ?? 0))} messages (with their deliveries and attempts) while the load ran, at ${fmt(Number(x.purgeMessagesPerSecond ?? 0))} messages/s${x.purgeStillRunningAtEnd ? ', and was still running when the load ended' : ''}`,
    steady?.status === 'ok'
      ? `- ${cell(steady.setup)}: the file's size before each pass was ${s.sizesMib} MiB; largest from the third day on ÷ largest of the second day: **${s.laterToWarm}** (a pass took ${fmt(Number(s.passMsMedian))} ms, median)`
      : `- Database size under steady traffic: ${steady ? `${steady.status}: ${cell(steady.reason ?? '')}` : 'not measured'}`,
    '',
    'The quiet row is two runs, one before the purge and one after it (their samples together); the purge row is the run in between. The purge is `POST /api/v1/purge` called request after request (what `hookline purge` does), in the same small steps as the background retention: at most 200 messages per transaction, then a pause of at least 20 ms and three times as long as the step. The steady-size run is in process with a fake clock (`bench/hookline/steady-size.ts`): days pass in moments, the SQLite file is real.',
    RETENTION_END,
    '',
  ];
}

/** A document with its retention section replaced (inserted before the throughput when absent). */
export function spliceRetention(doc: string, section: string[]): string {
  const text = section.join('\n');
  const start = doc.indexOf(RETENTION_START);
  const end = doc.indexOf(RETENTION_END);
  if (start !== -1 && end > start) {
    const after = doc.slice(end + RETENTION_END.length).replace(/^\n+/, '');
    return `${doc.slice(0, start)}${text}${after}`;
  }
  const at = doc.indexOf('## Throughput');
  return at === -1 ? `${doc.trimEnd()}\n\n${text}` : `${doc.slice(0, at)}${text}${doc.slice(at)}`;
}
