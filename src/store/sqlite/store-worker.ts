import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
import { answersBeforeSync } from './sync-policy.js';
import { WalSync } from './wal-sync.js';
import { nameIoTraceThread } from '../../lib/io-trace.js';
import {
  replyValue,
  serializeError,
  type AttachPort,
  type WorkerCall,
  type WorkerReply,
} from './worker-protocol.js';

/**
 * Runs the SQLite store on its own thread: commits block this thread, never the one that serves
 * HTTP and sends webhooks; their fsyncs block neither (wal-sync.ts). Calls arriving while a commit is under way are drained
 * together and share the next group commit. Other threads of the process (the delivery thread)
 * get a port of their own (`AttachPort`): their calls join the same commits, through one writer.
 * Calls come in batches (a thread's calls of one turn) and replies go back in batches (those one
 * commit settled), so a message crosses between threads once per batch, not once per call.
 */
nameIoTraceThread('store');
const options = workerData as SqliteStoreOptions;
// synchronous=FULL is kept by syncing the WAL beside the writer, not inside its commits (wal-sync.ts).
const walSync =
  (options.sync ?? 'full') === 'full' && options.file !== ':memory:'
    ? new WalSync(`${options.file}-wal`)
    : null;
// Checkpoints run on a thread of their own, never in front of a commit (checkpointer.ts).
const store = new SqliteStore({
  ...options,
  sync: walSync ? 'normal' : options.sync,
  checkpoints: 'background',
});

/** The replies to one port, sent together once the settled ones of this turn are in. */
class Replies {
  private queue: WorkerReply[] = [];
  private scheduled = false;

  constructor(private readonly port: MessagePort) {}

  add(reply: WorkerReply): void {
    this.queue.push(reply);
    if (this.scheduled) return;
    this.scheduled = true;
    // A group commit resolves all its writes at once: their replies are queued before this runs.
    queueMicrotask(() => this.send());
  }

  private send(): void {
    this.scheduled = false;
    const replies = this.queue;
    this.queue = [];
    try {
      this.port.postMessage(replies);
    } catch {
      // A value that cannot be cloned fails its own call, not the others of the batch.
      for (const reply of replies) {
        try {
          this.port.postMessage([reply]);
        } catch (error) {
          this.port.postMessage([{ id: reply.id, ok: false, error: serializeError(error) }]);
        }
      }
    }
  }
}

function serve(replies: Replies, call: WorkerCall): void {
  const target = (call.target === 'store' ? store : store[call.target]) as unknown as Record<
    string,
    (...a: unknown[]) => unknown
  >;
  const failed = (error: unknown) =>
    replies.add({ id: call.id, ok: false, error: serializeError(error) });
  let result: unknown;
  try {
    result = target[call.method](...call.args);
  } catch (error) {
    failed(error);
    return;
  }
  const answer = (value: unknown) => {
    try {
      replies.add({ id: call.id, ...replyValue(call, value) });
    } catch (error) {
      failed(error);
    }
  };
  // Settled directly (no extra promise between), so a commit's replies are queued in one turn.
  Promise.resolve(result).then((value) => {
    if (!walSync || answersBeforeSync(call)) answer(value);
    else if (call.method === 'close') walSync.close().then(() => answer(value), failed);
    else walSync.afterSync((error) => (error ? failed(syncFailed(error)) : answer(value)));
  }, failed);
}

/** A commit whose sync failed may not survive a power cut: its caller is told it failed. */
function syncFailed(error: Error): Error {
  return new Error(`committed, but syncing the WAL to disk failed: ${error.message}`);
}

function listen(port: MessagePort): void {
  const replies = new Replies(port);
  port.on('message', (calls: WorkerCall[]) => {
    for (const call of calls) serve(replies, call);
  });
}

const parent = parentPort!;
const parentReplies = new Replies(parent as unknown as MessagePort);
parent.on('message', (message: WorkerCall[] | AttachPort) => {
  if (!Array.isArray(message)) {
    listen(message.attach);
    return;
  }
  for (const call of message) serve(parentReplies, call);
});
