import type { BinRequest } from '../domain/bins.js';
import type { Clock } from '../lib/clock.js';
import type { BinStore } from '../store/bin-store.js';
import type { BinEvent, BinEvents } from './bin-events.js';
import { binRequestJson } from './request-json.js';
import { sseComment, sseEvent, sseRetry } from './sse.js';

/** Where a stream writes: an HTTP response in production. */
export interface StreamSink {
  /** Resolves once the chunk was handed to the socket (waits out backpressure). */
  write(chunk: string): Promise<void>;
  end(): void;
}

export interface BinStreamOptions {
  store: BinStore;
  events: BinEvents;
  clock: Clock;
  binId: string;
  /** Sends requests with an id above this one (0: all kept; the latest id: only new ones). */
  afterId: number;
  sink: StreamSink;
  /** Store poll: catches captures taken by other nodes, notices deletion and expiry. */
  pollMs: number;
  heartbeatMs: number;
  /** Called once when the stream ends, whoever ended it. */
  onEnd?: () => void;
}

const BATCH = 100;
const RETRY_MS = 1000;

/**
 * A live stream of one bin's requests as Server-Sent Events: `ready`, then `request` (id = request
 * id, so a client reconnecting with Last-Event-ID misses nothing), and `deleted` or `expired` last.
 * Every wake-up reads the store after the last id sent, so nothing is sent twice or out of order.
 */
export class BinStream {
  private lastId: number;
  private running = false;
  private again = false;
  private ended = false;
  private readonly unsubscribe: () => void;
  private readonly poll: NodeJS.Timeout;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly o: BinStreamOptions) {
    this.lastId = o.afterId;
    this.unsubscribe = o.events.subscribe(o.binId, (event) => this.onEvent(event));
    this.poll = setInterval(() => void this.check(), o.pollMs);
    this.heartbeat = setInterval(() => void this.send(sseComment('ping')), o.heartbeatMs);
    this.poll.unref();
    this.heartbeat.unref();
  }

  /** Writes the preamble and whatever is already waiting after `afterId`. */
  async start(): Promise<void> {
    await this.send(sseRetry(RETRY_MS));
    await this.send(sseEvent('ready', JSON.stringify({ binId: this.o.binId, after: this.lastId })));
    await this.drain();
  }

  close(final?: { event: string; data: unknown }): void {
    if (this.ended) return;
    this.ended = true;
    this.unsubscribe();
    clearInterval(this.poll);
    clearInterval(this.heartbeat);
    if (final) void this.o.sink.write(sseEvent(final.event, JSON.stringify(final.data)));
    this.o.sink.end();
    this.o.onEnd?.();
  }

  private onEvent(event: BinEvent): void {
    if (event.kind === 'deleted') this.close({ event: 'deleted', data: { binId: this.o.binId } });
    else void this.drain();
  }

  private async check(): Promise<void> {
    if (this.ended) return;
    try {
      const bin = await this.o.store.getBin(this.o.binId);
      if (!bin) return this.close({ event: 'deleted', data: { binId: this.o.binId } });
      await this.drain();
      if (this.o.clock.now() >= bin.expiresAt) {
        this.close({
          event: 'expired',
          data: { binId: this.o.binId, expiresAt: new Date(bin.expiresAt).toISOString() },
        });
      }
    } catch {
      // The store is unreachable for now; the next poll tries again.
    }
  }

  /** Sends every request after the last one sent; concurrent wake-ups fold into one more pass. */
  private async drain(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        let batch: BinRequest[];
        do {
          batch = await this.o.store.requestsAfter(this.o.binId, this.lastId, BATCH);
          for (const request of batch) {
            if (this.ended) return;
            await this.o.sink.write(
              sseEvent('request', JSON.stringify(binRequestJson(request)), request.id),
            );
            this.lastId = request.id;
          }
        } while (batch.length === BATCH);
      } while (this.again && !this.ended);
    } catch {
      // The store is unreachable for now (or the client left mid-write); the next poll tries again.
    } finally {
      this.running = false;
    }
  }

  private async send(chunk: string): Promise<void> {
    if (!this.ended) await this.o.sink.write(chunk);
  }
}
