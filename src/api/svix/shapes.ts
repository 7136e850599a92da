import type { App, Attempt, Endpoint, Message } from '../../domain/types.js';

/** Hookline records in the shapes the Svix SDKs parse (ApplicationOut, EndpointOut, ...). */
const iso = (ms: number) => new Date(ms).toISOString();

export const svixApp = (a: App) => ({
  id: a.id,
  uid: a.uid,
  name: a.name,
  metadata: a.metadata,
  rateLimit: null,
  createdAt: iso(a.createdAt),
  updatedAt: iso(a.updatedAt),
});

export const svixEndpoint = (e: Endpoint) => ({
  id: e.id,
  uid: e.uid,
  url: e.url,
  description: e.description,
  disabled: e.disabled,
  filterTypes: e.filterTypes,
  channels: null,
  rateLimit: e.rateLimit === null ? null : Math.ceil(e.rateLimit),
  metadata: e.metadata,
  version: 1,
  createdAt: iso(e.createdAt),
  updatedAt: iso(e.updatedAt),
});

/**
 * The payload Svix's server answers for a message whose payload expired (svix-server
 * `MessageOut::from_msg_and_payload`): Hookline's payload retention dropped it.
 */
const EXPIRED_PAYLOAD = '{"expired":true}';

/**
 * MessageOut as JSON text: the stored payload goes out byte for byte (`{}` without content, as
 * Svix). Svix's eventId is Hookline's idempotency key, unless the key is one the Svix SDKs make up
 * per request (`auto_…`).
 */
export function svixMessageText(m: Message, withContent: boolean): string {
  const head = JSON.stringify({
    id: m.id,
    eventType: m.eventType,
    eventId: m.idempotencyKey?.startsWith('auto_') ? null : m.idempotencyKey,
    channels: null,
    tags: null,
    timestamp: iso(m.createdAt),
  });
  const payload = !withContent ? '{}' : m.payloadDroppedAt != null ? EXPIRED_PAYLOAD : m.payload;
  return `${head.slice(0, -1)},"payload":${payload}}`;
}

/** Svix MessageStatus: 0 success, 2 fail (an attempt is one or the other). */
export const svixAttempt = (a: Attempt, url: string) => {
  const ok = a.statusCode !== null && a.statusCode >= 200 && a.statusCode < 300;
  return {
    id: `atmpt_${a.id}`,
    msgId: a.messageId,
    endpointId: a.endpointId,
    url,
    response: a.responseBody || (a.errorMessage ?? ''),
    responseStatusCode: a.statusCode ?? 0,
    responseDurationMs: a.durationMs,
    status: ok ? 0 : 2,
    statusText: ok ? 'success' : 'fail',
    triggerType: 0,
    timestamp: iso(a.at),
  };
};
