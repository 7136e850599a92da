import { fork } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * One benchmark step run in its own process, so it neither shares a heap with the runner nor
 * inherits its warm-up. The parent sends the parameters over IPC and gets one result back.
 */
type Reply<R> = { ok: true; result: R } | { ok: false; error: string };

export function runChildTask<P, R>(script: URL, params: P, execArgv: string[] = []): Promise<R> {
  const child = fork(script, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv,
  });
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    child.once('message', (reply: Reply<R>) => {
      settled = true;
      if (reply.ok) resolve(reply.result);
      else reject(new Error(reply.error));
      child.disconnect();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!settled)
        reject(new Error(`${script.pathname} exited with code ${code} before answering`));
    });
    child.send(params as object);
  });
}

/**
 * When this module is the entry point: started by runChildTask, run `task` once with the parameters
 * sent over IPC; started by hand, run it with `fromArgs()` and print the result as JSON.
 */
export function serveChildTask<P, R>(
  moduleUrl: string,
  task: (params: P) => Promise<R>,
  fromArgs?: () => P,
): void {
  const entry = process.argv[1];
  if (!entry || pathToFileURL(entry).href !== moduleUrl) return;
  if (!process.send) {
    if (!fromArgs) return;
    task(fromArgs()).then(
      (result) => console.log(JSON.stringify(result, null, 2)),
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
    return;
  }
  process.once('message', (params: P) => {
    task(params).then(
      (result) => process.send!({ ok: true, result } satisfies Reply<R>),
      (error: unknown) =>
        process.send!({
          ok: false,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        } satisfies Reply<R>),
    );
  });
  process.once('disconnect', () => process.exit(0));
}
