import { badRequest } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { InsertMessageResult } from '../store/store.js';
import type { ApiContext } from './context.js';

export interface MessageInput {
  appId: string;
  eventType: string;
  /** JSON text of the payload. */
  payload: string;
  idempotencyKey: string | null;
  endpointId: string | null;
}

export type AcceptedMessage = InsertMessageResult;

/**
 * The one way a message enters Hookline (plain messages, typed events, the simulator's real sends):
 * checks an explicit endpoint, stores message + deliveries in one transaction, wakes the dispatcher.
 */
export async function acceptMessage(ctx: ApiContext, input: MessageInput): Promise<AcceptedMessage> {
  if (input.endpointId !== null && !(await ctx.store.getEndpoint(input.appId, input.endpointId))) {
    throw badRequest(`endpointId: no endpoint ${input.endpointId} in this app`, [{ field: 'endpointId', message: 'unknown endpoint' }]);
  }
  const now = ctx.clock.now();
  const result = await ctx.store.insertMessage({ id: newId('msg', now), createdAt: now, ...input }, ctx.idempotencyWindowMs);
  if (result.deliveries > 0) ctx.notify.workAdded();
  return result;
}
