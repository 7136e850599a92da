import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plan } from '../plan.js';
import type { Receiver } from '../receiver-client.js';

/** What every Hookline scenario shares: the plan, the receiver and the admin token. */
export interface BenchContext {
  plan: Plan;
  receiver: Receiver;
  adminToken: string;
}

const liveDirs = new Set<string>();

/** A fresh data folder per scenario, removed afterwards. */
export async function withDataDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'hookline-bench-'));
  liveDirs.add(dir);
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
    liveDirs.delete(dir);
  }
}

/** Removes the data folders of scenarios still running (an interrupted run). */
export function removeLiveDataDirs(): void {
  for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
}
