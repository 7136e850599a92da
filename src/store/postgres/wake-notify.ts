import type pg from 'pg';
import { createPool, type PoolSettings } from './pool.js';

/** The LISTEN/NOTIFY channel dispatchers wait on. */
export const WAKE_CHANNEL = 'hookline_wake';

/** Tells every listening dispatcher that work became due. */
const NOTIFY_WAKE = `SELECT pg_notify('${WAKE_CHANNEL}', '')`;

/** Called after a commit that made work due. */
export type Wake = () => void;

/**
 * Sends wake-ups after commits, coalesced: one NOTIFY at a time per process, and one more after it
 * for everything that came up meanwhile. NOTIFY is kept out of the writing transactions because
 * PostgreSQL serializes the commits of notifying transactions (a global lock): inside every
 * message insert it halved insert throughput. It has a connection of its own, opened on the first
 * wake-up: through the shared pool it queued behind the very inserts it announces, so under load
 * workers heard of new work only after the pool's queue. A lost wake-up only costs latency:
 * workers also poll.
 */
export class WakeNotifier {
  private sending: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private readonly pool: pg.Pool;

  constructor(settings: Omit<PoolSettings, 'poolSize'>, onError: (error: Error) => void) {
    this.pool = createPool(
      { ...settings, poolSize: 1, applicationName: `${settings.applicationName}-notify` },
      onError,
    );
  }

  readonly wake: Wake = () => {
    if (this.closed) return;
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = this.send();
  };

  /** Stops sending (a wake-up on its way is finished) and closes the connection. */
  async close(): Promise<void> {
    this.closed = true;
    await this.sending;
    await this.pool.end();
  }

  private async send(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.pool.query({ name: 'hl_notify_wake', text: NOTIFY_WAKE });
      } catch {
        // The database is away: workers fall back to polling until it is back.
      }
    } while (this.again && !this.closed);
    this.sending = null;
  }
}
