import type { BenchRun } from '../lib/results.js';

/** A number from the extra fields of a scenario that ran, or null. */
export function extraNumber(run: BenchRun, id: string, key: string): number | null {
  const value = run.scenarios.find((s) => s.id === id && s.status === 'ok')?.extra?.[key];
  return typeof value === 'number' ? value : null;
}
