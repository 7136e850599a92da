import pg from 'pg';
import { WAKE_CHANNEL } from './wake-notify.js';

export interface WakeListenerOptions {
  client: pg.ClientConfig;
  /** While the LISTEN connection is down, wake listeners this often instead (polling fallback). */
  pollMs: number;
  onError?: (error: Error) => void;
}

const MAX_BACKOFF_MS = 5000;

/**
 * Cross-process wake-ups: one dedicated connection LISTENs on the wake channel and calls every
 * subscriber on each notification. When that connection drops, subscribers are woken every
 * `pollMs` until it is back (they then poll the store), and it reconnects with backoff.
 */
export class WakeListener {
  private readonly listeners = new Set<() => void>();
  /** The connection in use or being opened; events of older ones are ignored. */
  private current: pg.Client | null = null;
  private client: pg.Client | null = null;
  private started = false;
  private closed = false;
  private failures = 0;
  private pollTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: WakeListenerOptions) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.started) {
      this.started = true;
      void this.connect();
    }
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** True while notifications flow (the LISTEN connection is up). */
  get listening(): boolean {
    return this.client !== null;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopPolling();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.current;
    this.current = null;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private emit(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        this.options.onError?.(error as Error);
      }
    }
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client(this.options.client);
    this.current = client;
    client.on('notification', () => this.emit());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('LISTEN connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${WAKE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.lost(client, error as Error);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    this.stopPolling();
    this.emit(); // anything added while we were not listening
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.closed || client !== this.current || this.retryTimer) return;
    this.client = null;
    this.options.onError?.(error);
    this.startPolling();
    const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** this.failures++);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
    this.retryTimer.unref();
  }

  private startPolling(): void {
    if (this.pollTimer) return;
    this.pollTimer = setInterval(() => this.emit(), this.options.pollMs);
    this.pollTimer.unref();
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }
}
