import type { Endpoint } from '../domain/types.js';
import type { ApiContext } from './context.js';
import { endpointJson } from './serialize.js';
import { healthJson } from './stats-json.js';

/** Endpoints as GET shows them: with their `health`, read for the whole page at once. */
export async function withHealth(ctx: ApiContext, endpoints: Endpoint[]) {
  if (endpoints.length === 0) return [];
  const health = await ctx.store.endpointHealth(
    endpoints[0].appId,
    endpoints.map((e) => e.id),
    ctx.clock.now(),
  );
  const byId = new Map(health.map((h) => [h.endpointId, h]));
  return endpoints.map((e) => {
    const h = byId.get(e.id);
    return { ...endpointJson(e), ...(h ? { health: healthJson(h) } : {}) };
  });
}
