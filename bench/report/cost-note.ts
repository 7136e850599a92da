import type { BenchRun } from '../lib/results.js';
import { extraNumber } from './extra-number.js';

/**
 * The CPU behind a rate, as a note: how busy the machine was, the Hookline process's CPU per
 * message acknowledged, and the cores of CPU `goal` messages/s would take at that cost.
 */
export function costNote(run: BenchRun, id: string, goal: number): string | null {
  const n = (key: string) => extraNumber(run, id, key);
  const cores = n('machineCores');
  const busy = n('coresBusy');
  const own = n('hooklineCores');
  const cpuMs = n('hooklineCpuMs');
  const acked = n('acked');
  if (cores === null || busy === null || own === null || cpuMs === null || !acked) return null;
  const usPerMessage = (cpuMs * 1000) / acked;
  return `cores busy of ${cores}: ${busy}, Hookline ${own}; ${Math.round(usPerMessage)} µs of Hookline CPU per message, so ${goal.toLocaleString('en-US')}/s would take ${((usPerMessage * goal) / 1e6).toFixed(1)} cores of CPU`;
}
