/**
 * A baseline system of the sweep in a process of its own (BullMQ, the durable floor): the parent
 * forks the module, sends its parameters over IPC and waits until it listens; a message asks it to
 * stop. Both sides of that exchange live here.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type ChildServerMessage =
  { op: 'ready'; port: number } | { op: 'stopped' } | { op: 'failed'; error: string };

/** Forks `module` (a compiled bench file), sends it `params`, and waits until it listens. */
export async function startChildServer<P>(
  module: URL,
  params: P,
): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(module, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: ChildServerMessage) =>
      m.op === 'ready'
        ? resolve(m.port)
        : reject(new Error(`${module.pathname}: ${JSON.stringify(m)}`)),
    );
    child.once('exit', (code) => reject(new Error(`${module.pathname} exited (code ${code})`)));
    child.send(params as object);
  });
  return { child, port };
}

/** Asks the child to stop, and kills it if it has not exited within 15 s. */
export async function stopChildServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.connected) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ op: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The child's side: when the module at `moduleUrl` is the forked process's own script, takes its
 * parameters, runs `serve` (which reports its port with `ready`) and, on the next message, the stop
 * it returned. Imported anywhere else (a test reading its exports), it does nothing.
 */
export function serveChildServer<P>(
  moduleUrl: string,
  serve: (params: P, ready: (port: number) => void) => Promise<() => Promise<void>>,
): void {
  if (!process.send || process.argv[1] !== fileURLToPath(moduleUrl)) return;
  const send = (m: ChildServerMessage) => process.send!(m);
  process.once('message', (params: P) => {
    serve(params, (port) => send({ op: 'ready', port })).then(
      (stop) =>
        process.once('message', () => {
          void stop().finally(() => {
            send({ op: 'stopped' });
            process.disconnect();
          });
        }),
      (error: unknown) => {
        send({ op: 'failed', error: String(error) });
        process.disconnect();
      },
    );
  });
  process.once('disconnect', () => process.exit(0));
}
