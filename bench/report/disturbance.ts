import { fmt } from '../lib/format.js';
import type { BenchRun, ScenarioResult } from '../lib/results.js';

/** p99 with a purge or large checkpoints running ÷ p99 without, same rate, same process. */
export interface DisturbanceRatios {
  purge: number | null;
  checkpoint: number | null;
  /** The larger of the two: what the target (≤ 2×) is checked against. */
  worst: number | null;
  /** Why nothing was measured, when nothing was. */
  why: string | null;
}

const line = (run: BenchRun, kind: string): ScenarioResult | undefined =>
  run.scenarios.find((s) => s.id === `sweep-disturb-${kind}`);

const p99 = (s: ScenarioResult | undefined) =>
  s?.status === 'ok' && s.latency && Number.isFinite(s.latency.p99) ? s.latency.p99 : null;

export function disturbanceRatios(run: BenchRun): DisturbanceRatios {
  const plain = p99(line(run, 'plain'));
  const ratio = (kind: string) => {
    const during = p99(line(run, kind));
    return plain !== null && plain > 0 && during !== null
      ? Math.round((during / plain) * 100) / 100
      : null;
  };
  const purge = ratio('purge');
  const checkpoint = ratio('checkpoint');
  const both = [purge, checkpoint].filter((r): r is number => r !== null);
  const first = line(run, 'plain');
  return {
    purge,
    checkpoint,
    worst: both.length ? Math.max(...both) : null,
    why:
      both.length > 0
        ? null
        : first
          ? `${first.status}: ${first.reason ?? ''}`
          : 'the disturbance step did not run',
  };
}

const ms = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? `${v} ms` : '—');

/** The three runs of the disturbance step, as a table (empty when it did not run). */
export function disturbanceTable(run: BenchRun): string[] {
  const rows = ['plain', 'purge', 'checkpoint']
    .map((kind) => line(run, kind))
    .filter((s): s is ScenarioResult => s?.status === 'ok');
  if (rows.length === 0) return [];
  const r = disturbanceRatios(run);
  return [
    `**A purge or large checkpoints during the load** — ${rows[0]!.setup}. Back to back on one process: plain, during a purge (\`POST /api/v1/purge\` request after request, as \`hookline purge\` does), during checkpoints (a reader pins a snapshot for ${run.plan.sweep.interference.pinMs} ms so the WAL grows past it, then lets go and a \`PRAGMA wal_checkpoint(PASSIVE)\` from beside the server copies it all), plain again; the plain row is both plain runs together. p99 during the purge ÷ plain: **${r.purge ?? '—'}**; during the checkpoints ÷ plain: **${r.checkpoint ?? '—'}**. The server's own checkpoints run on a thread of their own, never inside a commit ([architecture.md](architecture.md#the-sqlite-store-thread)).`,
    '',
    '| run | achieved | p50 | p99 | max | ack p50 | ack p99 | note |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((s) => {
      const e = s.extra ?? {};
      const note =
        e.purgedDuringLoad !== undefined
          ? `${fmt(Number(e.purgedDuringLoad))} messages purged during the run`
          : e.checkpoints !== undefined
            ? `${fmt(Number(e.checkpoints))} checkpoints, largest WAL ${String(e.largestWalMiB)} MiB`
            : '';
      return `| ${s.label.replace(/^.*? with /, '')} | ${fmt(s.perSecond ?? 0)}/s | ${ms(s.latency?.p50)} | ${ms(s.latency?.p99)} | ${ms(s.latency?.max)} | ${ms(e.ackP50Ms)} | ${ms(e.ackP99Ms)} | ${[note, s.reason ?? ''].filter(Boolean).join('; ')} |`;
    }),
    '',
  ];
}
