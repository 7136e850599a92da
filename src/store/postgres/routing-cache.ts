import type pg from 'pg';
import type { RoutableEndpoint } from '../endpoint-routing.js';
import { routableOfRow, type RoutingColumns } from './routing-rows.js';

/**
 * The endpoints of recently seen apps, compiled for routing, each with the fingerprint of what it
 * was read from. Nothing here is trusted on its own: the statement that writes a group of messages
 * recomputes each app's fingerprint in its own snapshot (ROUTING_FINGERPRINT) and leaves out the
 * messages of an app whose endpoints changed since, so a change committed on any node before a
 * message arrives is always seen; such an app is read again.
 */

/**
 * What routing reads of an app's endpoints, in one text: null for an app with none. A row as text
 * keeps NULL and '' apart, so no two different sets give the same text.
 */
export const ROUTING_FINGERPRINT = `md5(string_agg((e.id, e.ordering, e.disabled, e.filter_types,
  e.payload_filter, e.ordering_key_path)::text, ',' ORDER BY e.id))`;

/** The endpoints of the apps in $1, each row with its app's fingerprint, from one snapshot. */
const READ_ROUTING = `WITH e AS (
    SELECT app_id, id, ordering, disabled, filter_types, payload_filter, ordering_key_path
    FROM endpoints WHERE app_id = ANY($1::text[])
  )
  SELECT e.*, f.fingerprint FROM e
  JOIN (SELECT e.app_id, ${ROUTING_FINGERPRINT} AS fingerprint FROM e GROUP BY e.app_id) f
    USING (app_id)`;

interface RoutingRow extends RoutingColumns {
  app_id: string;
  fingerprint: string;
}

export interface AppRouting {
  endpoints: RoutableEndpoint[];
  /** null: the app had no endpoints. */
  fingerprint: string | null;
}

/** Apps kept at most; past it the oldest makes room. */
const MAX_APPS = 10_000;

export class RoutingCache {
  private readonly apps = new Map<string, AppRouting>();

  constructor(private readonly pool: pg.Pool) {}

  /** The routing of each app, read for those not kept. */
  async routingOf(appIds: string[]): Promise<Map<string, AppRouting>> {
    const out = new Map<string, AppRouting>();
    const missing: string[] = [];
    for (const id of appIds) {
      const kept = this.apps.get(id);
      if (kept) out.set(id, kept);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const { rows } = await this.pool.query<RoutingRow>({
      name: 'hl_read_routing',
      text: READ_ROUTING,
      values: [missing],
    });
    for (const id of missing) out.set(id, { endpoints: [], fingerprint: null });
    for (const r of rows) {
      const app = out.get(r.app_id)!;
      app.fingerprint = r.fingerprint;
      app.endpoints.push(routableOfRow(r));
    }
    for (const id of missing) this.keep(id, out.get(id)!);
    return out;
  }

  /** The app's endpoints changed since they were read. */
  forget(appId: string): void {
    this.apps.delete(appId);
  }

  private keep(appId: string, routing: AppRouting): void {
    if (this.apps.size >= MAX_APPS) this.apps.delete(this.apps.keys().next().value!);
    this.apps.set(appId, routing);
  }
}
