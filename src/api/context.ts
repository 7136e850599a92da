import type { Logger } from 'pino';
import type { Clock } from '../lib/clock.js';
import type { Store } from '../store/store.js';
import type { HttpSender } from '../delivery/http-sender.js';

/** What routes need: the store, time, limits, and hooks that tell the dispatcher about changes. */
export interface ApiContext {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Sender for synchronous calls made by the API (simulator, bots, validation callbacks). */
  sender: HttpSender;
  adminToken: string;
  publicUrl: string;
  payloadLimitBytes: number;
  idempotencyWindowMs: number;
  notify: {
    /** New or re-queued work may be due. */
    workAdded(): void;
    endpointChanged(endpointId: string): void;
    appChanged(appId: string): void;
  };
}
