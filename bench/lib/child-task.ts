import { fork, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * Benchmark work run in its own process, so it neither shares a heap nor competes for the event
 * loop with the runner. The parent sends parameters over IPC and gets one result back per task.
 */
type Reply<R> = { ok: true; result: R } | { ok: false; error: string };

/** A child process that runs tasks one after another (`run`), warm from one to the next. */
export interface ChildService<P, R> {
  /** The child's process id, to read its CPU time from /proc. */
  readonly pid: number;
  run(params: P): Promise<R>;
  /** Ends the child once the task running now has answered. */
  close(): Promise<void>;
}

export function startChildService<P, R>(script: URL, execArgv: string[] = []): ChildService<P, R> {
  const child: ChildProcess = fork(script, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv,
  });
  let exited: string | null = null;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = `${script.pathname} exited (${signal ?? `code ${code}`})`;
      resolve();
    });
    // A child that could not start never exits; any other error (a failed send) leaves it
    // running, and the task in flight rejects on its own listener.
    child.on('error', (error) => {
      if (child.pid !== undefined) return;
      exited ??= `${script.pathname} failed to start: ${error.message}`;
      resolve();
    });
  });
  // Tasks go one at a time: each reply answers the task sent last.
  let queue: Promise<unknown> = Promise.resolve();
  const send = (params: P) =>
    new Promise<R>((resolve, reject) => {
      if (exited) return reject(new Error(`${exited} before this task`));
      const onExit = () => reject(new Error(`${exited} before answering`));
      child.once('exit', onExit);
      child.once('error', reject);
      child.once('message', (reply: Reply<R>) => {
        child.off('exit', onExit);
        child.off('error', reject);
        if (reply.ok) resolve(reply.result);
        else reject(new Error(reply.error));
      });
      child.send(params as object);
    });
  return {
    pid: child.pid ?? 0,
    run(params) {
      const task = queue.then(() => send(params));
      queue = task.catch(() => undefined);
      return task;
    },
    async close() {
      await queue;
      if (child.connected) child.disconnect();
      await exit;
    },
  };
}

/** One task in a process of its own, which exits once it has answered. */
export async function runChildTask<P, R>(
  script: URL,
  params: P,
  execArgv: string[] = [],
): Promise<R> {
  const service = startChildService<P, R>(script, execArgv);
  try {
    return await service.run(params);
  } finally {
    await service.close();
  }
}

/**
 * When this module is the entry point: started by `startChildService`/`runChildTask`, run `task`
 * for each parameters sent over IPC, one after another, until the parent disconnects; started by
 * hand, run it once with `fromArgs()` and print the result as JSON.
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
  process.on('message', (params: P) => {
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
