import type { Database } from 'better-sqlite3';
import { boundLimit } from './bound-limit.js';

/**
 * One lane of the due index (deliveries_due, keyed by lane then due time): first attempts (0) or
 * the rest (1), oldest due first. Each lane is read by itself; the oldest due of all is their merge.
 */
const lane = (db: Database, retries: 0 | 1) =>
  db
    .prepare(
      `SELECT id, endpoint_id, next_attempt_at FROM deliveries WHERE state = 'pending'
    AND (attempts > 0) = ${retries} AND next_attempt_at <= @now
    ORDER BY next_attempt_at, id ${boundLimit('@limit')}`,
    )
    .raw();

const prepare = (db: Database) => ({
  firsts: lane(db, 0),
  retries: lane(db, 1),
  nextEndpointWithWork: db.prepare(`SELECT min(endpoint_id) AS id FROM deliveries
    WHERE state = 'pending' AND next_attempt_at IS NOT NULL AND endpoint_id > @after`),
  dueOfEndpoint: db
    .prepare(
      `SELECT id FROM deliveries WHERE endpoint_id = @endpointId AND state = 'pending'
    AND next_attempt_at IS NOT NULL AND next_attempt_at <= @now ORDER BY next_attempt_at ${boundLimit('@limit')}`,
    )
    .pluck(),
});

type DueRow = [id: number, endpointId: string, dueAt: number];

/** How far past the limit the due index is read before falling back to per-endpoint lookups. */
const WINDOW_FACTOR = 4;
/** Endpoints visited per claim in the fallback; the round-robin cursor carries on next time. */
const MAX_ENDPOINT_STEPS = 2000;

/**
 * Picks the due deliveries a claim takes, in two lanes as Hook0 keeps them: first attempts get up
 * to half the claim, and everything due, oldest first (mostly retries), fills the rest. So a backlog
 * of retries — however old and large — never keeps a new message waiting, and a flood of new
 * messages never stops retries; with only one kind due, it takes the whole claim.
 *
 * When some endpoints are excluded
 * (saturated in the claiming dispatcher), it must not walk a huge backlog of theirs to find others'
 * work: it reads a bounded window of the due index, then visits endpoints with work round-robin
 * through the per-endpoint due index, so a saturated endpoint's backlog never starves the rest.
 */
export class DueSelection {
  private readonly q: ReturnType<typeof prepare>;
  private cursor = '';

  constructor(db: Database) {
    this.q = prepare(db);
  }

  select(now: number, limit: number, exclude: ReadonlySet<string>): number[] {
    const window = exclude.size === 0 ? limit : limit * WINDOW_FACTOR;
    const firsts = this.q.firsts.all({ now, limit: window }) as DueRow[];
    const retries = this.q.retries.all({ now, limit: window }) as DueRow[];
    const first = pick(firsts, Math.ceil(limit / 2), exclude);
    return fill(first, this.oldestDue(now, limit, exclude, merge(firsts, retries, window)), limit);
  }

  /** The oldest due, from the first `window` of both lanes merged; past them, round-robin. */
  private oldestDue(
    now: number,
    limit: number,
    exclude: ReadonlySet<string>,
    window: DueRow[],
  ): number[] {
    const picked = new Set(pick(window, limit, exclude));
    if (exclude.size > 0 && picked.size < limit && window.length === limit * WINDOW_FACTOR)
      this.fillRoundRobin(now, limit, exclude, picked);
    return [...picked];
  }

  private fillRoundRobin(
    now: number,
    limit: number,
    exclude: ReadonlySet<string>,
    picked: Set<number>,
  ): void {
    const start = this.cursor;
    let after = start;
    let wrapped = false;
    for (let steps = 0; steps < MAX_ENDPOINT_STEPS && picked.size < limit; steps++) {
      const next = (this.q.nextEndpointWithWork.get({ after }) as { id: string | null }).id;
      if (next === null || (wrapped && next > start)) {
        if (wrapped || start === '') break;
        wrapped = true;
        after = '';
        continue;
      }
      after = next;
      this.cursor = next;
      if (exclude.has(next)) continue;
      const ids = this.q.dueOfEndpoint.all({
        endpointId: next,
        now,
        limit: limit - picked.size,
      }) as number[];
      for (const id of ids) picked.add(id);
    }
  }
}

/** The ids of the first `limit` rows whose endpoint is not excluded. */
function pick(rows: DueRow[], limit: number, exclude: ReadonlySet<string>): number[] {
  const ids: number[] = [];
  for (const [id, endpointId] of rows) {
    if (ids.length >= limit) break;
    if (!exclude.has(endpointId)) ids.push(id);
  }
  return ids;
}

/** Two lanes, each in due order, merged in due order (then id, as one index would give them). */
function merge(a: DueRow[], b: DueRow[], max: number): DueRow[] {
  if (b.length === 0) return a.length > max ? a.slice(0, max) : a;
  if (a.length === 0) return b.length > max ? b.slice(0, max) : b;
  const out: DueRow[] = [];
  let i = 0;
  let j = 0;
  while (out.length < max && (i < a.length || j < b.length)) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && (x[2] < y[2] || (x[2] === y[2] && x[0] < y[0]))))
      out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/** The first lane's picks, then the oldest due not already picked, up to `limit`. */
function fill(first: number[], oldest: number[], limit: number): number[] {
  const picked = new Set(first);
  for (const id of oldest) {
    if (picked.size >= limit) break;
    picked.add(id);
  }
  return [...picked];
}
