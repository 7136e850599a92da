import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchRun } from '../lib/results.js';
import { docsDir, resultsDir } from '../lib/paths.js';
import { renderCosts, spliceCosts } from './costs-section.js';
import {
  INGEST_PROFILE_START,
  keptIngestProfile,
  spliceIngestProfile,
} from './ingest-profile-section.js';
import { renderStats, spliceStats } from './stats-section.js';
import { renderMarkdown } from './markdown.js';
import { keptProfile, PROFILE_START, renderProfile, spliceProfile } from './profile-section.js';
import { renderRetention, spliceRetention } from './retention-section.js';
import { METHOD } from './method.js';
import { barChartSvg, type Bar } from './svg-chart.js';
import { renderSweep, spliceSweep, SWEEP_CHART_FILE, sweepChart } from './sweep-section.js';

const CHART_FILE = 'benchmarks.svg';

/** Throughput bars: the anchors and every Hookline drain, all in deliveries (POSTs) per second. */
function chartBars(run: BenchRun): Bar[] {
  return run.scenarios
    .filter(
      (s) =>
        s.status === 'ok' &&
        s.perSecond !== undefined &&
        s.unit !== 'messages/s' &&
        s.unit !== 'transactions/s' &&
        s.group !== 'latency' &&
        s.group !== 'cost' &&
        s.group !== 'stats' &&
        s.group !== 'retention' &&
        s.group !== 'sweep',
    )
    .map((s) => ({
      label: s.label.length > 44 ? `${s.label.slice(0, 43)}…` : s.label,
      value: s.perSecond!,
      kind: s.group === 'anchor' ? 'anchor' : 'hookline',
    }));
}

/**
 * A complete run writes latest.json and the docs; a partial one (--only) writes partial.json only;
 * a --costs run writes costs.json and the costs section of docs/benchmarks.md, leaving the rest;
 * a --stats run, stats.json and the stats section.
 */
export async function writeReport(
  run: BenchRun,
  options: {
    docs: boolean;
    partial: boolean;
    costsOnly: boolean;
    statsOnly?: boolean;
    retentionOnly?: boolean;
    sweepOnly?: boolean;
    profileOnly?: boolean;
  },
): Promise<void> {
  await mkdir(resultsDir, { recursive: true });
  const name = options.profileOnly
    ? 'profile.json'
    : options.sweepOnly
      ? 'sweep.json'
      : options.retentionOnly
        ? 'retention.json'
        : options.statsOnly
          ? 'stats.json'
          : options.costsOnly
            ? 'costs.json'
            : options.partial
              ? 'partial.json'
              : 'latest.json';
  const jsonPath = join(resultsDir, name);
  await writeFile(jsonPath, `${JSON.stringify(run, null, 2)}\n`);
  console.log(`bench: wrote ${jsonPath}`);
  if (!options.docs || options.partial) return;
  if (options.profileOnly) {
    const docPath = join(docsDir, 'benchmarks.md');
    await writeFile(docPath, spliceProfile(await readFile(docPath, 'utf8'), renderProfile(run)));
    console.log(`bench: wrote the profile section of ${docPath}`);
    return;
  }
  if (options.sweepOnly) {
    const docPath = join(docsDir, 'benchmarks.md');
    await writeFile(join(docsDir, SWEEP_CHART_FILE), sweepChart(run));
    await writeFile(docPath, spliceSweep(await readFile(docPath, 'utf8'), renderSweep(run)));
    console.log(`bench: wrote the sweep section of ${docPath} and ${SWEEP_CHART_FILE}`);
    return;
  }
  if (options.retentionOnly) {
    const docPath = join(docsDir, 'benchmarks.md');
    const doc = await readFile(docPath, 'utf8');
    await writeFile(docPath, spliceRetention(doc, renderRetention(run)));
    console.log(`bench: wrote the retention section of ${docPath}`);
    return;
  }
  if (options.statsOnly) {
    const docPath = join(docsDir, 'benchmarks.md');
    await writeFile(docPath, spliceStats(await readFile(docPath, 'utf8'), renderStats(run)));
    console.log(`bench: wrote the stats section of ${docPath}`);
    return;
  }
  if (options.costsOnly) {
    const docPath = join(docsDir, 'benchmarks.md');
    await writeFile(docPath, spliceCosts(await readFile(docPath, 'utf8'), renderCosts(run)));
    console.log(`bench: wrote the costs section of ${docPath}`);
    return;
  }
  await mkdir(docsDir, { recursive: true });
  const title = `Delivery throughput on loopback, ${run.machine.cores} cores (${run.mode} mode)`;
  await writeFile(
    join(docsDir, CHART_FILE),
    barChartSvg(title, 'deliveries (POSTs) per second', chartBars(run)),
  );
  if (run.scenarios.some((s) => s.group === 'sweep'))
    await writeFile(join(docsDir, SWEEP_CHART_FILE), sweepChart(run));
  await writeFile(
    join(docsDir, 'benchmarks.md'),
    withKeptProfiles(
      renderMarkdown(run, CHART_FILE, METHOD),
      await readFile(join(docsDir, 'benchmarks.md'), 'utf8').catch(() => ''),
      run.profile != null,
    ),
  );
  console.log(`bench: wrote ${join(docsDir, 'benchmarks.md')} and ${CHART_FILE}`);
}

/**
 * The profiles a run did not take, kept as the document had them: the ingest profile always (its own
 * command, bench/ingest-profile.ts, measures it), the drain's unless this run ran `--profile`.
 */
export function withKeptProfiles(rendered: string, previous: string, profiled: boolean): string {
  const drain = profiled ? [] : keptProfile(previous);
  const doc = drain.length > 0 ? spliceProfile(rendered, drain) : rendered;
  const ingest = keptIngestProfile(previous);
  if (ingest.length === 0) return doc;
  // Ingest first, then the drain, whichever of the two this run wrote (no churn between runs).
  const drainAt = doc.indexOf(PROFILE_START);
  return drainAt === -1 || doc.includes(INGEST_PROFILE_START)
    ? spliceIngestProfile(doc, ingest)
    : `${doc.slice(0, drainAt)}${ingest.join('\n')}${doc.slice(drainAt)}`;
}
