import { fmt } from '../lib/format.js';
import type { BenchRun, ScenarioResult } from '../lib/results.js';

/** The section between these markers is what `npm run bench -- --costs` rewrites. */
export const COSTS_START = '<!-- costs:start -->';
export const COSTS_END = '<!-- costs:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|');

function loadLine(run: BenchRun): string {
  const m = run.machine;
  const peak = Math.max(m.loadAverage.start, m.loadAverage.end);
  const load = `1-minute load average ${m.loadAverage.start} at the start and ${m.loadAverage.end} at the end, on ${m.cores} cores`;
  return peak >= m.cores * 0.75
    ? `**The machine was busy with other work during this run** (${load}): absolute rates are low and vary from run to run; compare the ratios, each between two scenarios measured back to back.`
    : `The machine was quiet (${load}); the ratios are between scenarios measured back to back.`;
}

function rateCell(s: ScenarioResult): string {
  if (s.status !== 'ok') return `${s.status}: ${cell(s.reason ?? '')}`;
  if (s.extra && typeof s.extra.nsAdded === 'number')
    return `${fmt(Number(s.extra.nsBefore))} ns without, ${fmt(Number(s.extra.nsAfter))} ns with (+${fmt(s.extra.nsAdded)} ns)`;
  return s.perSecond !== undefined ? `${fmt(s.perSecond)} ${s.unit ?? '/s'}` : '—';
}

function ratioText(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? 'not measured' : `**${value.toFixed(digits)}**`;
}

/** What per-key ordering, payload filters and metrics cost, with the run's load said next to them. */
export function renderCosts(run: BenchRun): string[] {
  const rows = run.scenarios.filter((s) => s.group === 'cost');
  if (rows.length === 0) return [];
  const added = (id: string) => {
    const ns = rows.find((s) => s.id === id)?.extra?.nsAdded;
    return typeof ns === 'number' ? `${fmt(ns)} ns` : 'not measured';
  };
  const pct = (value: number | null | undefined) =>
    value === null || value === undefined ? 'not measured' : `**${(value * 100).toFixed(2)}%**`;
  return [
    COSTS_START,
    '## What features cost (same run)',
    '',
    `Measured ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC in **${run.mode}** mode with \`${run.command}\`. ${loadLine(run)}`,
    '',
    `- Per-key ordering ÷ parallel, deliveries/s (the cost of ordering): ${ratioText(run.ratios.perKeyToParallel)}`,
    `- 100 endpoints with payload filters ÷ 100 endpoints without, messages/s accepted: ${ratioText(run.ratios.filters100ToNoFilter100)}; matching the 100 filters adds ${added('cost-filter-matching')} per message, ${pct(run.ratios.filterMatchingShareOfIngest)} of a message's time at the unfiltered ingest rate above`,
    `- Tracing on (every trace sampled, exported to a collector on 127.0.0.1) ÷ tracing off, deliveries/s: ${ratioText(run.ratios.tracingOnToOff)}. Off, the delivery path makes no span and loads no SDK: one null check per step`,
    `- Recording metrics adds ${added('metrics-overhead')} per delivery, ${pct(run.ratios.metricsShareOfDelivery)} of a delivery's time at the parallel drain's rate above (an upper bound: one claim and one commit counted per delivery)`,
    '',
    '| scenario | setup | rate | peak RSS |',
    '|---|---|---:|---:|',
    ...rows.map(
      (s) =>
        `| ${cell(s.label)} | ${cell(s.setup)} | ${rateCell(s)} | ${s.peakRssMb !== undefined ? `${s.peakRssMb.toFixed(0)} MiB` : '—'} |`,
    ),
    '',
    "Per-key ordering sends one delivery at a time per key and endpoint, keys in parallel up to the endpoint's `maxConcurrency`; both drains are the same backlog on the same receiver. The filter matches every payload (an `$in`, a `$gte`, a `$startsWith` and an `$or` of two `$exists`), so both ingest runs write the same 100 deliveries per message and only the matching differs (writing those deliveries is what bounds the rate, so on a busy machine the ingest ratio is mostly noise); the in-process routing figure (`bench/hookline/filter-matching.ts`) is that matching alone, without the noise of the machine. Metrics are measured in process (`bench/hookline/metrics-overhead.ts`): the engine events and the store timing wrapper with the metrics attached against the same calls without.",
    COSTS_END,
    '',
  ];
}

/** A document with its costs section replaced by `section` (inserted before the throughput when absent). */
export function spliceCosts(doc: string, section: string[]): string {
  const text = section.join('\n');
  const start = doc.indexOf(COSTS_START);
  const end = doc.indexOf(COSTS_END);
  if (start !== -1 && end > start) {
    const after = doc.slice(end + COSTS_END.length).replace(/^\n+/, '');
    return `${doc.slice(0, start)}${text}${after}`;
  }
  const at = doc.indexOf('## Throughput');
  return at === -1 ? `${doc.trimEnd()}\n\n${text}` : `${doc.slice(0, at)}${text}${doc.slice(at)}`;
}
