import type { Database } from 'better-sqlite3';
import type { Backlog } from '../store.js';
import { boundLimit } from './bound-limit.js';
import { BOTH_LANES, EARLIEST_DUE } from './due-lanes.js';

/**
 * The backlog for GET /metrics. On SQLite a lease is the row's due time (`next_attempt_at` =
 * `lease_until`, `lease_token` set), so everything pending and scheduled is read from the due
 * index; each count reads at most `@cap` index entries.
 */
const prepare = (db: Database) => ({
  dueNow: db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM deliveries
    WHERE state = 'pending' AND ${BOTH_LANES} AND next_attempt_at IS NOT NULL AND next_attempt_at <= @now
    ${boundLimit('@cap')})`),
  later: db.prepare(`SELECT count(*) FILTER (WHERE leased) AS inFlight,
      count(*) FILTER (WHERE NOT leased) AS waiting,
      count(DISTINCT endpoint_id) FILTER (WHERE NOT leased AND attempts > 0) AS failingEndpoints
    FROM (SELECT lease_token IS NOT NULL AS leased, endpoint_id, attempts FROM deliveries
      WHERE state = 'pending' AND ${BOTH_LANES} AND next_attempt_at IS NOT NULL AND next_attempt_at > @now
      ${boundLimit('@cap')})`),
  failed: db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM deliveries
    WHERE state = 'failed' ${boundLimit('@cap')})`),
  oldestDue: db.prepare(EARLIEST_DUE),
  disabled: db.prepare('SELECT count(*) AS n FROM endpoints WHERE disabled = 1'),
});

export class SqliteBacklog {
  private readonly q: ReturnType<typeof prepare>;

  constructor(private readonly db: Database) {
    this.q = prepare(db);
  }

  read(now: number, cap: number): Backlog {
    const n = (row: unknown) => (row as { n: number }).n;
    // One read transaction: the counts describe the same moment.
    return this.db.transaction(() => {
      const later = this.q.later.get({ now, cap }) as Pick<
        Backlog,
        'inFlight' | 'waiting' | 'failingEndpoints'
      >;
      const due = (this.q.oldestDue.get() as { due: number | null }).due;
      return {
        dueNow: n(this.q.dueNow.get({ now, cap })),
        waiting: later.waiting,
        inFlight: later.inFlight,
        failed: n(this.q.failed.get({ cap })),
        oldestDueAt: due !== null && due <= now ? due : null,
        disabledEndpoints: n(this.q.disabled.get()),
        failingEndpoints: later.failingEndpoints,
      };
    })();
  }
}
