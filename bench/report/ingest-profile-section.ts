import { fmt } from '../lib/format.js';
import { markedSection } from './marked-section.js';
import type { ProfileSummary } from './profile-summary.js';

/** The section between these markers is what `node dist/bench/ingest-profile.js --docs` rewrites. */
export const INGEST_PROFILE_START = '<!-- ingest-profile:start -->';
export const INGEST_PROFILE_END = '<!-- ingest-profile:end -->';

export interface IngestProfile {
  measuredAt: string;
  command: string;
  cores: number;
  loadAverage: { start: number; end: number };
  setup: string;
  acked: number;
  perSecond: number;
  ackP99Ms: number;
  /** CPU time per message by thread (µs), busiest first; `main` is the HTTP thread. */
  cpuPerMessage: Array<{ thread: string; us: number }>;
  /** The main thread's profile over the measured window only. */
  main: ProfileSummary;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** Where one ingest request's time goes: CPU per message by thread, and the main thread's profile. */
export function renderIngestProfile(p: IngestProfile): string[] {
  const busy = Math.max(p.loadAverage.start, p.loadAverage.end) >= p.cores * 0.75;
  const table = (head: string, entries: ProfileSummary['top']) => [
    `| ${head} | self ms | share |`,
    '|---|---:|---:|',
    ...entries.map(
      (t) => `| ${cell(t.name)} | ${fmt(t.selfMs)} | ${(t.share * 100).toFixed(1)}% |`,
    ),
    '',
  ];
  return [
    INGEST_PROFILE_START,
    '## Where the API spends its time: ingest, role api',
    '',
    `Measured ${p.measuredAt.slice(0, 16).replace('T', ' ')} UTC with \`${p.command}\` (1-minute load average ${p.loadAverage.start} at the start and ${p.loadAverage.end} at the end, on ${p.cores} cores${busy ? ': **the machine was busy with other work**, so rates are low; CPU time per message is the figure to compare' : ''}). ${p.setup}: ${fmt(p.acked)} messages acknowledged, ${fmt(p.perSecond)} messages/s, ack p99 ${p.ackP99Ms} ms.`,
    '',
    'CPU time per message, by thread of the Hookline process (from `/proc`, over the measured window):',
    '',
    '| thread | CPU µs per message |',
    '|---|---:|',
    ...p.cpuPerMessage.map((t) => `| ${t.thread} | ${fmt(t.us)} |`),
    '',
    `The main thread (HTTP, auth, parsing, validation, intake, the reply) under \`--cpu-prof\`, the measured window only (${fmt(p.main.totalMs)} ms sampled, idle included). A native call (a SHA-256, JSON.parse, a postMessage to the store thread) counts as self time of the JavaScript that makes it.`,
    '',
    ...table('file / package', p.main.byFile.slice(0, 12)),
    ...table('function (file:line)', p.main.top.slice(0, 15)),
    INGEST_PROFILE_END,
    '',
  ];
}

/** A document with its ingest profile replaced by `section` (inserted before the machine when absent). */
export function spliceIngestProfile(doc: string, section: string[]): string {
  const text = section.join('\n');
  const start = doc.indexOf(INGEST_PROFILE_START);
  const end = doc.indexOf(INGEST_PROFILE_END);
  if (start !== -1 && end > start) {
    const after = doc.slice(end + INGEST_PROFILE_END.length).replace(/^\n+/, '');
    return `${doc.slice(0, start)}${text}${after}`;
  }
  const at = doc.indexOf('## Machine');
  return at === -1 ? `${doc.trimEnd()}\n\n${text}` : `${doc.slice(0, at)}${text}${doc.slice(at)}`;
}

/** The ingest profile section of `doc` as it stands (a full bench run keeps it), or none. */
export function keptIngestProfile(doc: string): string[] {
  return markedSection(doc, INGEST_PROFILE_START, INGEST_PROFILE_END);
}
