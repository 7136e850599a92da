import { Worker, type TransferListItem } from 'node:worker_threads';
import { builtCounterpart } from './built-counterpart.js';

/**
 * Each worker is an isolate of its own, and V8 lets each grow its young generation to 48 MiB
 * (16 MiB semi-spaces) under load: the store and delivery threads together held ~30 MiB more at
 * 1,500 msg/s than with 12 MiB, at the same CPU per message (`node dist/bench/thread-cpu.js`,
 * `node dist/bench/tail-probe.js`). What they keep is small; their garbage is short-lived: with
 * 6 MiB (2 MiB semi-spaces) the store thread scavenged twice as often as with 12 MiB, ~1% of the
 * process's CPU per delivery in the backlog drain (`node dist/bench/drain-cpu.js`), and held 4 MiB
 * less. The delivery thread asks for more (`delivery-thread.ts`): its garbage is per delivery.
 */
export const YOUNG_GENERATION_MB = 6;

export interface WorkerOptions {
  /** The young generation's cap, MiB (default YOUNG_GENERATION_MB). */
  youngGenerationMb?: number;
}

/**
 * Starts a worker thread from the module beside `from` named `name` (no extension): the `.js` file
 * in built code. From TypeScript sources (tests, tsx): its compiled twin in dist/ when a test run
 * vouched that dist/ was built from these sources (built-counterpart.ts); else the worker registers
 * the tsx loader first and compiles its import graph itself.
 */
export function startWorker(
  from: string,
  name: string,
  workerData: unknown,
  transferList: TransferListItem[] = [],
  options: WorkerOptions = {},
): Worker {
  const fromSource = from.endsWith('.ts');
  const url = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, from);
  const resourceLimits = {
    maxYoungGenerationSizeMb: options.youngGenerationMb ?? YOUNG_GENERATION_MB,
  };
  if (!fromSource) return new Worker(url, { workerData, transferList, resourceLimits });
  const built = builtCounterpart(url);
  if (built) return new Worker(built, { workerData, transferList, resourceLimits });
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData, transferList, resourceLimits });
}
