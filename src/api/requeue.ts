import type { Delivery, RecoverableState } from '../domain/types.js';
import { badRequest, conflict, HooklineError, notFound } from '../lib/errors.js';
import type { RecoverOutcome } from '../store/store.js';
import type { ApiContext } from './context.js';

/** Recover and replay as both front doors (native, Svix) ask for them. */

/** Deliveries re-queued per recover call unless the caller asks for fewer (at most MAX). */
export const RECOVER_DEFAULT_LIMIT = 1000;
export const RECOVER_MAX_LIMIT = 10_000;

export interface RecoverInput {
  since: string;
  until?: string | null;
  states?: RecoverableState[];
  limit?: number;
}

/**
 * Re-queues an endpoint's settled deliveries in the window, by state (failed by default), at most
 * `limit` per call. The same request again within the idempotency window continues the run.
 */
export async function recoverDeliveries(
  ctx: ApiContext,
  appId: string,
  endpointId: string,
  input: RecoverInput,
): Promise<RecoverOutcome> {
  const now = ctx.clock.now();
  const since = Date.parse(input.since);
  const until = input.until ? Date.parse(input.until) : null;
  if (until !== null && until <= since)
    throw badRequest('until: must be after since', [
      { field: 'until', message: 'must be after since' },
    ]);
  const states = input.states ?? ['failed'];
  if (states.length === 0)
    throw badRequest('states: name at least one state', [
      { field: 'states', message: 'name at least one state' },
    ]);
  const outcome = await ctx.store.recoverEndpoint(
    appId,
    endpointId,
    {
      since,
      until,
      states,
      limit: input.limit ?? RECOVER_DEFAULT_LIMIT,
      idempotencyWindowMs: ctx.idempotencyWindowMs,
    },
    now,
  );
  if (!outcome) throw notFound('endpoint', endpointId);
  return outcome;
}

/**
 * Sends the deliveries an endpoint held while it was disabled (it is enabled now): the oldest
 * `RECOVER_DEFAULT_LIMIT`; `done` false means more are held, and the same request sends more.
 * Each call is a run of its own: what it sent is no longer held, so nothing goes twice.
 */
export async function sendHeldDeliveries(
  ctx: ApiContext,
  appId: string,
  endpointId: string,
): Promise<RecoverOutcome> {
  const now = ctx.clock.now();
  const outcome = await ctx.store.recoverEndpoint(
    appId,
    endpointId,
    {
      since: 0,
      until: now + 1,
      states: ['held'],
      limit: RECOVER_DEFAULT_LIMIT,
      idempotencyWindowMs: ctx.idempotencyWindowMs,
    },
    now,
  );
  if (!outcome) throw notFound('endpoint', endpointId);
  return outcome;
}

/** Recover sends nothing to a disabled endpoint: its deliveries stay held until it is enabled. */
export function assertEnabled(endpoint: { id: string; disabled: boolean }): void {
  if (endpoint.disabled)
    throw conflict(
      `endpoint ${endpoint.id} is disabled: enable it first (PATCH with "disabled": false, and "sendHeld": true to send what it held)`,
      'endpoint_disabled',
    );
}

/** Sends a past message to one endpoint of its app; `created` false for a repeated request. */
export async function replayMessage(
  ctx: ApiContext,
  appId: string,
  messageId: string,
  endpointId: string,
): Promise<{ delivery: Delivery; created: boolean }> {
  const result = await ctx.store.replayMessage(
    appId,
    messageId,
    endpointId,
    ctx.clock.now(),
    ctx.idempotencyWindowMs,
  );
  if (result === 'payload_expired')
    throw new HooklineError(
      'payload_expired',
      `message ${messageId}: its payload was dropped by payload retention; it cannot be sent again`,
    );
  if (result === null) {
    const message = await ctx.store.getMessage(appId, messageId);
    throw message ? notFound('endpoint', endpointId) : notFound('message', messageId);
  }
  return result;
}
