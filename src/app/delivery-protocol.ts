import type { EngineEventMap, EngineEventName } from '../delivery/engine-events.js';
import type { MetricsJson } from '../observability/metrics.js';
import type { SharedSqliteWriter } from '../store/sqlite/threaded-store.js';
import type { SerializedError } from '../store/sqlite/worker-protocol.js';
import type { Config } from './config.js';

/** What the delivery thread starts from (`workerData`). */
export interface DeliveryWorkerData {
  config: Config;
  /** The store thread's writer; its port is transferred with it. */
  writer: SharedSqliteWriter;
  /** One Int32: 1 while a wake-up is on its way to the thread (so at most one is in flight). */
  wakeFlag: SharedArrayBuffer;
}

/** Main thread → delivery thread. */
export type ToDelivery =
  | { kind: 'wake' }
  | { kind: 'endpointChanged'; id: string }
  | { kind: 'appChanged'; id: string }
  /** Start (`on`) or stop relaying one engine event to the main thread. */
  | { kind: 'listen'; name: EngineEventName; on: boolean }
  | { kind: 'metrics'; id: number }
  | { kind: 'stop' };

/** Delivery thread → main thread. */
export type FromDelivery =
  | { kind: 'ready' }
  | { kind: 'startFailed'; error: SerializedError }
  | { kind: 'event'; name: EngineEventName; payload: EngineEventMap[EngineEventName] }
  | { kind: 'metrics'; id: number; value: MetricsJson }
  | { kind: 'stopped' };
