import type pg from 'pg';

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
 * message insert it halved insert throughput. A lost wake-up only costs latency: workers also poll.
 */
export class WakeNotifier {
  private sending = false;
  private again = false;
  private closed = false;

  constructor(private readonly pool: pg.Pool) {}

  readonly wake: Wake = () => {
    if (this.closed) return;
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = true;
    void this.send();
  };

  close(): void {
    this.closed = true;
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
    this.sending = false;
  }
}
