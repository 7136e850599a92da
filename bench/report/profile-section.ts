import { fmt } from '../lib/format.js';
import type { BenchRun } from '../lib/results.js';
import { markedSection } from './marked-section.js';

export const PROFILE_START = '<!-- profile:start -->';
export const PROFILE_END = '<!-- profile:end -->';
const HEADING = '## Where Hookline spends its time in the drain';

const cell = (text: string) => text.replace(/\|/g, '\\|');

type ThreadSummary = NonNullable<BenchRun['profile']>['threads'][number];

/** What a worker thread is, told by the code it ran (their start order changes with the setup). */
function threadName(t: ThreadSummary): string {
  if (t.thread === 'main') return t.thread;
  const ran = (part: string) => [...t.byFile, ...t.top].some((e) => e.name.includes(part));
  if (ran('checkpoint-worker')) return `${t.thread}: WAL checkpoints`;
  if (ran('src/delivery/') || ran('node_modules/undici')) return `${t.thread}: delivery`;
  if (ran('src/store/sqlite/')) return `${t.thread}: the SQLite store`;
  return t.thread;
}

/**
 * The drain's profile, one table set per thread, between markers, with when and how it was
 * measured: a later full run without `--profile` keeps the section as it stands.
 */
export function renderProfile(run: BenchRun): string[] {
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
  const m = run.machine;
  const lines = [
    PROFILE_START,
    HEADING,
    '',
    `Measured ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC with \`${run.command}\` (1-minute load average ${m.loadAverage.start} at the start and ${m.loadAverage.end} at the end, on ${m.cores} cores${m.loadAverage.start > m.cores ? ': **the machine was busy with other work**, so idle shares are lower than on a quiet one' : ''}).`,
    '',
    `A separate run under \`--cpu-prof\` (not one of the figures above): the Hookline process during "${cell(p.scenario)}", start-up included, one profile per thread. A native call (a SQLite statement, an HMAC) counts as self time of the JavaScript line that makes it.`,
    '',
  ];
  for (const t of p.threads) {
    lines.push(
      `### Thread: ${threadName(t)} (${fmt(t.totalMs)} ms sampled)`,
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
  lines.push(PROFILE_END, '');
  return lines;
}

/** Replaces the profile section of docs/benchmarks.md (marked, or as an older run left it). */
export function spliceProfile(doc: string, section: string[]): string {
  const text = section.join('\n');
  const start = doc.indexOf(PROFILE_START);
  const end = doc.indexOf(PROFILE_END);
  if (start !== -1 && end > start) {
    const after = doc.slice(end + PROFILE_END.length).replace(/^\n+/, '');
    return `${doc.slice(0, start)}${text}${after}`;
  }
  const machine = doc.indexOf('## Machine');
  const heading = doc.indexOf(HEADING);
  if (heading !== -1 && machine > heading)
    return `${doc.slice(0, heading)}${text}${doc.slice(machine)}`;
  return machine === -1
    ? `${doc.trimEnd()}\n\n${text}`
    : `${doc.slice(0, machine)}${text}${doc.slice(machine)}`;
}

/** The drain profile section of `doc` as it stands: a full run without `--profile` keeps it. */
export function keptProfile(doc: string): string[] {
  return markedSection(doc, PROFILE_START, PROFILE_END);
}
