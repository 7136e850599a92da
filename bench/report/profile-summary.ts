import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../lib/paths.js';

/** The parts of a V8 .cpuprofile this summary reads. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
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
}

/** src/delivery/dispatcher.ts, node_modules/undici, node:internal/..., or V8's own buckets. */
function place(url: string, functionName: string): string {
  if (!url) return `(${functionName.replace(/[()]/g, '') || 'native'})`;
  const path = url.replace(/^file:\/\//, '');
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inModules) return `node_modules/${inModules[1]}`;
  if (path.startsWith(repoRoot)) return path.slice(repoRoot.length + 1).replace(/^dist\//, '').replace(/\.js$/, '.ts');
  return path;
}

function rank(map: Map<string, number>, total: number, limit: number): ProfileEntry[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, us]) => ({ name, selfMs: Math.round(us / 100) / 10, share: Math.round((us / total) * 1000) / 1000 }));
}

export function summarizeProfile(profile: CpuProfile, limit = 20): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fns = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = place(url, functionName);
    const fn = url ? `${functionName || '(anonymous)'} (${file}:${lineNumber + 1})` : file;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
    files.set(file, (files.get(file) ?? 0) + us);
    total += us;
  });
  return { totalMs: Math.round(total / 1000), top: rank(fns, total, limit), byFile: rank(files, total, limit) };
}

/** Reads the (single) .cpuprofile a process wrote into `dir`. */
export async function readProfileDir(dir: string): Promise<CpuProfile> {
  const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir} (did the process exit cleanly?)`);
  return JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
}
