import { Worker } from 'node:worker_threads';
import type { BinStore } from '../bin-store.js';
import type { BotStore } from '../bot-store.js';
import type { PortalStore } from '../portal-store.js';
import { STORE_READS, STORE_WRITES } from '../store-methods.js';
import type { Store, StoreCapabilities } from '../store.js';
import { SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
import {
  reviveBuffers,
  reviveError,
  SUB_STORE_READS,
  type SubStore,
  type WorkerCall,
  type WorkerReply,
} from './worker-protocol.js';

// Run from TypeScript sources (tests), the worker registers the tsx loader first; built code runs as is.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./store-worker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);

function startWorker(workerData: unknown): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData });
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

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
  };
  readonly bins: BinStore;
  readonly bots: BotStore;
  readonly portal: PortalStore;
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { target: WorkerCall['target']; resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;
  private closed = false;
  /** Opened by migrate(), once the file and its schema exist. */
  private reader: SqliteStore | null = null;

  constructor(private readonly options: SqliteStoreOptions) {
    const { onClose: _onClose, ...workerOptions } = options;
    this.worker = startWorker(workerOptions);
    this.worker.on('message', (reply: WorkerReply) => this.settle(reply));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) =>
      this.failAll(new Error(`the SQLite store thread exited (code ${code})`)),
    );
    this.bins = this.forwarder('bins') as BinStore;
    this.bots = this.forwarder('bots') as BotStore;
    this.portal = this.forwarder('portal') as PortalStore;
  }

  call(call: Omit<WorkerCall, 'id'>): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the SQLite store is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { target: call.target, resolve, reject });
      this.worker.postMessage({ ...call, id } as WorkerCall);
    });
  }

  async migrate(): Promise<void> {
    await this.call({ target: 'store', method: 'migrate', args: [] });
    if (!this.reader) {
      this.reader = new SqliteStore({
        file: this.options.file,
        readonly: true,
        encryption: this.options.encryption,
      });
      await this.reader.migrate();
    }
  }

  private read(): SqliteStore {
    if (!this.reader || this.closed)
      throw new Error('the SQLite store is not open (call migrate() first)');
    return this.reader;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.reader?.close();
    await this.call({ target: 'store', method: 'close', args: [] });
    this.closed = true;
    await this.worker.terminate();
    this.options.onClose?.();
  }

  private settle(reply: WorkerReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.ok)
      waiting.resolve(waiting.target === 'bins' ? reviveBuffers(reply.value) : reply.value);
    else waiting.reject(reviveError(reply.error));
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
