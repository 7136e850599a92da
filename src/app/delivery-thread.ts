import type { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { EngineEvents, type EngineEventMap } from '../delivery/engine-events.js';
import type { ListenerErrorHandler } from '../lib/typed-emitter.js';
import { startWorker } from '../lib/start-worker.js';
import type { MetricsJson } from '../observability/metrics.js';
import type { ThreadedSqliteStore } from '../store/sqlite/threaded-store.js';
import { reviveError } from '../store/sqlite/worker-protocol.js';
import type { Config } from './config.js';
import type { DeliveryWorkerData, FromDelivery, ToDelivery } from './delivery-protocol.js';
import type { ChangeFollower } from './follow-changes.js';

/**
 * The delivery thread's garbage is per delivery (rendered bodies, headers, undici's request and
 * response objects) and what survives a scavenge is what is in flight, so it gets more young
 * generation than the 6 MiB of the other threads: V8 makes a semi-space a third of it, so 24 MiB
 * means two 8 MiB semi-spaces (12 MiB: 4 MiB, 6 MiB: 2 MiB, V8's own 48 MiB: 16 MiB). In the
 * backlog drain (`node dist/bench/drain-cpu.js`) 12 MiB scavenged 4-5 times as often as 48 MiB and
 * took ~20% more process CPU per delivery; 24 MiB scavenges twice as often as 48 MiB and keeps
 * 16 MiB less resident, which the process's 250 MB budget needs (docs/operations.md#memory). The
 * price: ~10-15% more process CPU per delivery than 48 MiB, most of it V8's parallel scavenge
 * threads (drain-cpu, 7 alternating rounds, load 2.4-4).
 */
const DELIVERY_YOUNG_GENERATION_MB = 24;

/**
 * The main thread's handle on the delivery thread (`delivery-worker.ts`): forwards what the store's
 * writes mean (wake-ups coalesced: at most one on its way), relays the engine events someone here
 * listens to, reads the thread's metrics, and stops it.
 */
export class DeliveryThread implements ChangeFollower {
  /** The engine events, relayed from the thread for the names someone subscribed to. */
  readonly events: EngineEvents;
  private readonly wakePending: Int32Array;
  private readonly metricReads = new Map<number, (value: MetricsJson) => void>();
  private nextMetricRead = 1;
  private stopped: Promise<void> | null = null;
  private exited = false;

  private constructor(
    private readonly worker: Worker,
    wakeFlag: SharedArrayBuffer,
    onListenerError: ListenerErrorHandler,
  ) {
    this.wakePending = new Int32Array(wakeFlag);
    this.events = new RelayedEvents(onListenerError, (name, on) =>
      this.post({ kind: 'listen', name, on }),
    );
  }

  /**
   * Starts the thread on the store's writer; resolves once it delivers. `onCrash` is told when
   * the thread dies while running (not stopping): deliveries stop until the process restarts.
   */
  static async start(
    config: Config,
    store: ThreadedSqliteStore,
    logger: Logger,
    onListenerError: ListenerErrorHandler,
    onCrash: (error: Error) => void,
  ): Promise<DeliveryThread> {
    const writer = store.shareWriter();
    const wakeFlag = new SharedArrayBuffer(4);
    const data: DeliveryWorkerData = { config, writer, wakeFlag };
    const worker = startWorker(import.meta.url, 'delivery-worker', data, [writer.port], {
      youngGenerationMb: DELIVERY_YOUNG_GENERATION_MB,
    });
    const thread = new DeliveryThread(worker, wakeFlag, onListenerError);
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromDelivery) => {
        if (message.kind === 'ready') resolve();
        else if (message.kind === 'startFailed') reject(reviveError(message.error));
        else thread.receive(message);
      });
      worker.on('error', (error) => {
        reject(error);
        if (thread.stopped === null) logger.error({ err: error }, 'the delivery thread failed');
      });
      worker.on('exit', (code) => {
        thread.exited = true;
        for (const read of thread.metricReads.values()) read([]);
        thread.metricReads.clear();
        const error = new Error(`the delivery thread exited (code ${code})`);
        reject(error);
        if (thread.stopped === null) onCrash(error);
      });
    });
    return thread;
  }

  wake(): void {
    // Already on its way: the thread clears the flag before it wakes, so this write is seen.
    if (Atomics.exchange(this.wakePending, 0, 1) === 0) this.post({ kind: 'wake' });
  }

  invalidateEndpoint(id: string): void {
    this.post({ kind: 'endpointChanged', id });
  }

  invalidateApp(id: string): void {
    this.post({ kind: 'appChanged', id });
  }

  /** The thread's metrics registry, for GET /metrics (empty once it has stopped). */
  metrics(): Promise<MetricsJson> {
    if (this.exited) return Promise.resolve([]);
    const id = this.nextMetricRead++;
    return new Promise((resolve) => {
      this.metricReads.set(id, resolve);
      this.post({ kind: 'metrics', id });
    });
  }

  /** Stops claiming; in-flight deliveries finish and are committed, the rest is given back. */
  stop(): Promise<void> {
    this.stopped ??= this.stopThread();
    return this.stopped;
  }

  private async stopThread(): Promise<void> {
    if (this.exited) return;
    await new Promise<void>((resolve) => {
      this.worker.once('exit', () => resolve());
      this.worker.on('message', (message: FromDelivery) => {
        if (message.kind === 'stopped') resolve();
      });
      this.post({ kind: 'stop' });
    });
    await this.worker.terminate();
  }

  private receive(message: FromDelivery): void {
    if (message.kind === 'event') {
      this.events.emit(message.name, message.payload as never);
    } else if (message.kind === 'metrics') {
      this.metricReads.get(message.id)?.(message.value);
      this.metricReads.delete(message.id);
    }
  }

  private post(message: ToDelivery): void {
    if (!this.exited) this.worker.postMessage(message);
  }
}

/** Engine events whose subscriptions ask the delivery thread to relay (only names listened to). */
class RelayedEvents extends EngineEvents {
  constructor(
    onListenerError: ListenerErrorHandler,
    private readonly relay: (name: keyof EngineEventMap, on: boolean) => void,
  ) {
    super(onListenerError);
  }

  override on<K extends keyof EngineEventMap>(
    name: K,
    listener: (event: EngineEventMap[K]) => void,
  ): () => void {
    const first = !this.listening(name);
    const off = super.on(name, listener);
    if (first) this.relay(name, true);
    return off;
  }

  override off<K extends keyof EngineEventMap>(
    name: K,
    listener: (event: EngineEventMap[K]) => void,
  ): void {
    const was = this.listening(name);
    super.off(name, listener);
    if (was && !this.listening(name)) this.relay(name, false);
  }
}
