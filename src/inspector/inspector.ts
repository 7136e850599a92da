import type { Clock } from '../lib/clock.js';
import type { BinStore } from '../store/bin-store.js';
import { BinEvents } from './bin-events.js';
import { BinService } from './bin-service.js';
import type { BinStream } from './bin-stream.js';
import { Delays } from './delays.js';

/**
 * The request inspector of one server, built once by createApp: what the capture route (root) and
 * the bin routes (/api/v1) share, and what must end when the server closes.
 */
export class Inspector {
  readonly service: BinService;
  /** Open live streams, ended when the server closes. */
  readonly streams = new Set<BinStream>();
  /** Response delays in progress, cut short when the server closes. */
  readonly delays = new Delays();

  constructor(
    readonly store: BinStore,
    clock: Clock,
  ) {
    this.service = new BinService({ store, clock, events: new BinEvents() });
  }

  /** Ends live streams and response delays so the server can close at once. */
  shutDown(): void {
    for (const stream of [...this.streams]) stream.close();
    this.delays.cancelAll();
  }
}
