import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { startWorker } from '../../lib/start-worker.js';
import type { BinStore } from '../bin-store.js';
import type { BotStore } from '../bot-store.js';
import type { PortalStore } from '../portal-store.js';
import { STORE_READS, STORE_WRITES } from '../store-methods.js';
import type { Store, StoreCapabilities } from '../store.js';
import { SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
import {
  reviveBuffers,
  reviveError,
  revivePayload,
  sentPayloads,
  serializeError,
  SUB_STORE_READS,
  type SubStore,
  type WorkerCall,
  type WorkerReply,
} from './worker-protocol.js';

/**
 * The store thread's writer, for another thread of this process (the delivery thread): a port the
 * store thread serves like its own parent, and what that thread needs to open its read connection.
 * Structured-cloneable; transfer `port` along with it.
 */
export interface SharedSqliteWriter {
  port: MessagePort;
  options: Omit<SqliteStoreOptions, 'onClose'>;
}

/** Where calls go: the store thread itself, or a port it serves. */
type Channel = Pick<Worker, 'postMessage'>;

// The Store methods are installed on the prototype below (reads here, writes to the thread); this
// merge gives them their types.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface ThreadedSqliteStore extends Store {}

/**
 * The embedded store as the server uses it: the SQLite store runs on a worker thread and this object
 * forwards every call to it, so fsyncs and queries never stall HTTP or the dispatcher.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ThreadedSqliteStore {
  readonly capabilities: StoreCapabilities = {
    dialect: 'sqlite',
    singleOwner: true,
    crossProcessWakeups: false,
    parkedClaims: true,
  };
  readonly bins: BinStore;
  readonly bots: BotStore;
  readonly portal: PortalStore;
  /** Set when this object started the store thread (and so migrates, closes and ends it). */
  private readonly worker: Worker | null;
  private readonly channel: Channel;
  private readonly pending = new Map<
    number,
    {
      target: WorkerCall['target'];
      /** An insertMessage's payload(s): the thread leaves them out of the reply (`payloadOfCall`). */
      payload?: string | string[];
      resolve: (v: unknown) => void;
      reject: (e: Error) => void;
    }
  >();
  private nextId = 1;
  /** Calls made in this turn of the event loop, sent together at its end (one postMessage). */
  private outgoing: WorkerCall[] = [];
  private sendScheduled = false;
  private closed = false;
  /** Opened by migrate(), once the file and its schema exist. */
  private reader: SqliteStore | null = null;

  /**
   * Starts the store thread; or, given a writer shared by the thread that started it, writes
   * through that thread's writer (one writer per file: group commit and no lock contention).
   */
  constructor(private readonly options: SqliteStoreOptions | SharedSqliteWriter) {
    if ('port' in options) {
      this.worker = null;
      const port = options.port;
      port.on('message', (replies: WorkerReply[]) => this.settleAll(replies));
      port.on('close', () => this.failAll(new Error('the SQLite store thread closed its port')));
      this.channel = port;
    } else {
      const { onClose: _onClose, ...workerOptions } = options;
      const worker = startWorker(import.meta.url, 'store-worker', workerOptions);
      worker.on('message', (replies: WorkerReply[]) => this.settleAll(replies));
      worker.on('error', (error) => this.failAll(error));
      worker.on('exit', (code) =>
        this.failAll(new Error(`the SQLite store thread exited (code ${code})`)),
      );
      this.worker = worker;
      this.channel = worker;
    }
    this.bins = this.forwarder('bins') as BinStore;
    this.bots = this.forwarder('bots') as BotStore;
    this.portal = this.forwarder('portal') as PortalStore;
  }

  call(call: Omit<WorkerCall, 'id'>): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the SQLite store is closed'));
    const id = this.nextId++;
    const payload = sentPayloads(call);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { target: call.target, payload, resolve, reject });
      this.outgoing.push({ ...call, id } as WorkerCall);
      if (this.sendScheduled) return;
      this.sendScheduled = true;
      // After this turn's I/O callbacks: the requests read together reach the thread together, so
      // they share a group commit, and the thread wakes once for them.
      setImmediate(() => this.sendCalls());
    });
  }

  private sendCalls(): void {
    this.sendScheduled = false;
    const calls = this.outgoing;
    if (calls.length === 0) return;
    this.outgoing = [];
    try {
      this.channel.postMessage(calls);
    } catch (error) {
      // An argument that cannot be cloned: that call fails, the others of the batch go on.
      for (const call of calls) {
        try {
          this.channel.postMessage([call]);
        } catch {
          this.settle({ id: call.id, ok: false, error: serializeError(error) });
        }
      }
    }
  }

  private get storeOptions(): SqliteStoreOptions {
    return 'port' in this.options ? this.options.options : this.options;
  }

  async migrate(): Promise<void> {
    // A shared writer's owner migrated the file already.
    if (this.worker) await this.call({ target: 'store', method: 'migrate', args: [] });
    if (!this.reader) {
      const { file, encryption } = this.storeOptions;
      this.reader = new SqliteStore({ file, readonly: true, encryption });
      await this.reader.migrate();
    }
  }

  /**
   * A port onto this store's thread for another thread of this process: its writes join the same
   * group commits as ours. The port is served until that thread closes it.
   */
  shareWriter(): SharedSqliteWriter {
    if (!this.worker) throw new Error('only the thread that started the SQLite store can share it');
    const { port1, port2 } = new MessageChannel();
    this.worker.postMessage({ attach: port2 }, [port2]);
    const { onClose: _onClose, ...options } = this.storeOptions;
    return { port: port1, options };
  }

  private read(): SqliteStore {
    if (!this.reader || this.closed)
      throw new Error('the SQLite store is not open (call migrate() first)');
    return this.reader;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.reader?.close();
    if (!this.worker) {
      // The owner closes the store; this thread only lets go of its port, its last calls sent.
      this.sendCalls();
      this.closed = true;
      (this.channel as MessagePort).close();
      return;
    }
    await this.call({ target: 'store', method: 'close', args: [] });
    this.closed = true;
    await this.worker.terminate();
    this.storeOptions.onClose?.();
  }

  private settleAll(replies: WorkerReply[]): void {
    for (const reply of replies) this.settle(reply);
  }

  private settle(reply: WorkerReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (!reply.ok) waiting.reject(reviveError(reply.error));
    else if (reply.payloadOfCall) waiting.resolve(revivePayload(reply.value, waiting.payload!));
    else waiting.resolve(waiting.target === 'bins' ? reviveBuffers(reply.value) : reply.value);
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private forwarder(target: SubStore): object {
    const reads: ReadonlySet<string> = SUB_STORE_READS[target];
    return new Proxy(
      {},
      {
        get: (_t, method) => {
          // 'then' stays undefined so the forwarder is never mistaken for a promise.
          if (typeof method !== 'string' || method === 'then') return undefined;
          if (reads.has(method)) {
            return (...args: unknown[]) => {
              const sub = this.read()[target] as unknown as Record<
                string,
                (...a: unknown[]) => Promise<unknown>
              >;
              return sub[method](...args);
            };
          }
          return (...args: unknown[]) => this.call({ target, method, args } as WorkerCall);
        },
      },
    );
  }
}

// Every Store member is one of these or set above (store-methods.ts checks the lists cover Store).
for (const method of STORE_WRITES) {
  Object.defineProperty(ThreadedSqliteStore.prototype, method, {
    value(this: ThreadedSqliteStore, ...args: unknown[]) {
      return this.call({ target: 'store', method, args });
    },
  });
}
for (const method of STORE_READS) {
  Object.defineProperty(ThreadedSqliteStore.prototype, method, {
    value(this: ThreadedSqliteStore, ...args: unknown[]) {
      const reader = (this as unknown as { read(): SqliteStore }).read();
      return (reader[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    },
  });
}
