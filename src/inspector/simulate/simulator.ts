import { redactRequestHeaders } from '../../domain/request-headers.js';
import { compileFilter } from '../../domain/event-filter.js';
import { DEFAULT_TIMEOUT_MS, resolveSchedule } from '../../domain/retry-policy.js';
import type { App, Attempt, Endpoint, Message } from '../../domain/types.js';
import type { HttpSender } from '../../delivery/http-sender.js';
import type { RenderedRequest } from '../../formats/format.js';
import { getFormat } from '../../formats/registry.js';
import type { Clock } from '../../lib/clock.js';
import { HooklineError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Store } from '../../store/store.js';
import { samplePayload } from './sample-event.js';

export interface SimulateDeps {
  store: Store;
  sender: HttpSender;
  clock: Clock;
}

export interface SimulateInput {
  app: App;
  endpoint: Endpoint;
  eventType: string;
  overrides?: unknown;
}

export interface Simulation {
  /** The message id the request carries (webhook-id); test messages are not stored. */
  messageId: string;
  eventType: string;
  /** false when the endpoint's format sends nothing for this event with its settings. */
  sent: boolean;
  /** Why nothing was sent. */
  reason: string | null;
  /** Whether the endpoint's filterTypes would let this event type through in real deliveries. */
  matchesFilter: boolean;
  /** What went on the wire. */
  request: RenderedRequest | null;
  /** The recorded test attempt: status, latency, response excerpt, error kind. */
  attempt: Attempt | null;
}

/**
 * Sends one realistic sample of a canonical event to an endpoint right now, rendered in its format
 * and signed with its keys, through the shared sender, and records a test attempt (kept apart from
 * real deliveries: no message or delivery is stored, the attempt has test: true).
 */
export async function simulate(deps: SimulateDeps, input: SimulateInput): Promise<Simulation> {
  const { app, endpoint, eventType } = input;
  const payload = samplePayload(eventType, input.overrides);
  const format = getFormat(endpoint.format);
  if (!format)
    throw new HooklineError(
      'unknown_format',
      `endpoint ${endpoint.id} uses unknown format "${endpoint.format}"`,
    );
  const now = deps.clock.now();
  const message: Message = {
    id: newId('msg', now),
    appId: app.id,
    eventType,
    payload,
    idempotencyKey: null,
    endpointId: endpoint.id,
    createdAt: now,
  };
  const base = {
    messageId: message.id,
    eventType,
    matchesFilter: compileFilter(endpoint.filterTypes)(eventType),
  };
  const request = format.render({ message, endpoint, app, now });
  if (request === null) {
    const reason = `the ${format.name} format sends nothing for ${eventType} with this endpoint's formatOptions; a real delivery would count as delivered without a request`;
    return { ...base, sent: false, reason, request: null, attempt: null };
  }
  const timeoutMs =
    endpoint.timeoutMs ?? resolveSchedule(endpoint.retryPolicy).timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const result = await deps.sender.send(request, timeoutMs);
  const attempt = await deps.store.insertAttempt({
    appId: app.id,
    deliveryId: null,
    messageId: message.id,
    endpointId: endpoint.id,
    at: now,
    durationMs: result.durationMs,
    statusCode: result.statusCode,
    responseHeaders: result.headers,
    responseBody: result.body,
    errorKind: result.errorKind,
    errorMessage: result.errorMessage,
    test: true,
    requestHeaders: redactRequestHeaders(request.headers),
  });
  return { ...base, sent: true, reason: null, request, attempt };
}
