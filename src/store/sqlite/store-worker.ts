import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
import { serializeError, type AttachPort, type WorkerCall } from './worker-protocol.js';

/**
 * Runs the SQLite store on its own thread: commits (and their fsyncs) block this thread, never the
 * one that serves HTTP and sends webhooks. Calls arriving while a commit is under way are drained
 * together and share the next group commit. Other threads of the process (the delivery thread)
 * get a port of their own (`AttachPort`): their calls join the same commits, through one writer.
 */
// Checkpoints run on a thread of their own, never in front of a commit (checkpointer.ts).
const store = new SqliteStore({ ...(workerData as SqliteStoreOptions), checkpoints: 'background' });

function serve(port: MessagePort, call: WorkerCall): void {
  const target = (call.target === 'store' ? store : store[call.target]) as unknown as Record<
    string,
    (...a: unknown[]) => unknown
  >;
  Promise.resolve()
    .then(() => target[call.method](...call.args))
    .then(
      (value) => port.postMessage({ id: call.id, ok: true, value }),
      (error) => port.postMessage({ id: call.id, ok: false, error: serializeError(error) }),
    );
}

const parent = parentPort!;
parent.on('message', (message: WorkerCall | AttachPort) => {
  if ('attach' in message) {
    const attached = message.attach;
    attached.on('message', (call: WorkerCall) => serve(attached, call));
    return;
  }
  serve(parent, message);
});
