import { Worker, type TransferListItem } from 'node:worker_threads';

/**
 * Starts a worker thread from the module beside `from` named `name` (no extension): the `.js` file
 * in built code; from TypeScript sources (tests, tsx) the worker registers the tsx loader first.
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
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData, transferList });
}
