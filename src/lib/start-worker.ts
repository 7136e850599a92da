import { Worker, type TransferListItem } from 'node:worker_threads';
import { builtCounterpart } from './built-counterpart.js';

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
): Worker {
  const fromSource = from.endsWith('.ts');
  const url = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, from);
  if (!fromSource) return new Worker(url, { workerData, transferList });
  const built = builtCounterpart(url);
  if (built) return new Worker(built, { workerData, transferList });
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData, transferList });
}
