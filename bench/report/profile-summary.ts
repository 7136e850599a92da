import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../lib/paths.js';

/** The parts of a V8 .cpuprofile this summary reads. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    /** Samples per source line inside this function (1-based lines). */
    positionTicks?: Array<{ line: number; ticks: number }>;
  }>;
  samples: number[];
  timeDeltas: number[];
  /** µs on the monotonic clock, as process.hrtime (Linux: CLOCK_MONOTONIC). */
  startTime?: number;
}

/** A span of a profile to summarise, µs on process.hrtime's clock. */
export interface ProfileWindow {
  fromUs: number;
  toUs: number;
}

export interface ProfileEntry {
  name: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time per function. */
  top: ProfileEntry[];
  /** Self time per source file / package: where a fix would go. */
  byFile: ProfileEntry[];
  /** Self time per line of our own code (src/), native calls (SQLite, crypto) included. */
  hotLines: ProfileEntry[];
}

const sourceMaps = new Map<string, SourceMap | null>();

/** Maps a line (0-based) of compiled dist/ JavaScript to its TypeScript line (1-based), when a .map exists. */
function originalLine(url: string, line0: number, column0: number): number {
  const path = url.replace(/^file:\/\//, '');
  if (!sourceMaps.has(path)) {
    try {
      sourceMaps.set(
        path,
        new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')) as SourceMapPayload),
      );
    } catch {
      sourceMaps.set(path, null);
    }
  }
  const entry = sourceMaps.get(path)?.findEntry(line0, column0) as
    { originalLine?: number } | undefined;
  return entry?.originalLine !== undefined ? entry.originalLine + 1 : line0 + 1;
}

/** src/delivery/dispatcher.ts, node_modules/undici, node:internal/..., or V8's own buckets. */
function place(url: string, functionName: string): string {
  if (!url) return `(${functionName.replace(/[()]/g, '') || 'native'})`;
  const path = url.replace(/^file:\/\//, '');
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inModules) return `node_modules/${inModules[1]}`;
  if (path.startsWith(repoRoot))
    return path
      .slice(repoRoot.length + 1)
      .replace(/^dist\//, '')
      .replace(/\.js$/, '.ts');
  return path;
}

function rank(map: Map<string, number>, total: number, limit: number): ProfileEntry[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, us]) => ({
      name,
      selfMs: Math.round(us / 100) / 10,
      share: Math.round((us / total) * 1000) / 1000,
    }));
}

export function summarizeProfile(
  profile: CpuProfile,
  limit = 20,
  window?: ProfileWindow,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fns = new Map<string, number>();
  const files = new Map<string, number>();
  const selfByNode = new Map<number, number>();
  let total = 0;
  let at = profile.startTime ?? 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + us);
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = place(url, functionName);
    const line = file.startsWith('src/')
      ? originalLine(url, lineNumber, columnNumber)
      : lineNumber + 1;
    const fn = url ? `${functionName || '(anonymous)'} (${file}:${line})` : file;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
    files.set(file, (files.get(file) ?? 0) + us);
    total += us;
  });
  const lines = new Map<string, number>();
  for (const node of profile.nodes) {
    const file = place(node.callFrame.url, node.callFrame.functionName);
    const self = selfByNode.get(node.id) ?? 0;
    const ticks = node.positionTicks ?? [];
    const tickSum = ticks.reduce((sum, t) => sum + t.ticks, 0);
    if (!file.startsWith('src/') || self === 0 || tickSum === 0) continue;
    for (const t of ticks) {
      const key = `${file}:${originalLine(node.callFrame.url, t.line - 1, 10_000)} (${node.callFrame.functionName || 'anonymous'})`;
      lines.set(key, (lines.get(key) ?? 0) + (self * t.ticks) / tickSum);
    }
  }
  return {
    totalMs: Math.round(total / 1000),
    top: rank(fns, total, limit),
    byFile: rank(files, total, limit),
    hotLines: rank(lines, total, 12),
  };
}

export interface ThreadProfile {
  /** `main`, or `worker <thread id>` (Node writes one .cpuprofile per thread). */
  thread: string;
  file: string;
  profile: CpuProfile;
}

/** Reads every .cpuprofile a process wrote into `dir`: CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile. */
export async function readProfileDir(dir: string): Promise<ThreadProfile[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort();
  if (files.length === 0)
    throw new Error(`no .cpuprofile in ${dir} (did the process exit cleanly?)`);
  return Promise.all(
    files.map(async (file) => {
      const threadId = file.split('.')[4];
      return {
        thread: threadId === undefined || threadId === '0' ? 'main' : `worker ${threadId}`,
        file,
        profile: JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile,
      };
    }),
  );
}
