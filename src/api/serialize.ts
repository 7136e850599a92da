import type { FastifyReply } from 'fastify';
import { currentAlgorithm } from '../domain/signature-algorithm.js';
import type {
  App,
  Attempt,
  Delivery,
  Endpoint,
  EndpointVerification,
  Message,
} from '../domain/types.js';

/** The last time formatted: messages accepted in the same millisecond share it (formatting is not free). */
let lastIso = { ms: Number.NaN, text: '' };
function iso(ms: number): string {
  if (ms !== lastIso.ms) lastIso = { ms, text: new Date(ms).toISOString() };
  return lastIso.text;
}
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export const appJson = (a: App) => ({
  id: a.id,
  uid: a.uid,
  name: a.name,
  metadata: a.metadata,
  createdAt: iso(a.createdAt),
  updatedAt: iso(a.updatedAt),
});

/** Secrets are never part of the endpoint object; see GET .../secret. */
export const endpointJson = (e: Endpoint) => ({
  id: e.id,
  appId: e.appId,
  url: e.url,
  description: e.description,
  disabled: e.disabled,
  disabledReason: e.disabledReason,
  disabledAt: isoOrNull(e.disabledAt),
  filterTypes: e.filterTypes,
  headers: e.headers,
  timeoutMs: e.timeoutMs,
  retryPolicy: e.retryPolicy,
  ordering: e.ordering,
  orderingKeyPath: e.orderingKeyPath,
  filter: e.filter,
  propagateTraceContext: e.propagateTraceContext,
  maxConcurrency: e.maxConcurrency,
  rateLimit: e.rateLimit,
  format: e.format,
  formatOptions: e.formatOptions,
  metadata: e.metadata,
  verification: e.verification === null ? null : verificationJson(e.verification),
  signatureAlgorithm: currentAlgorithm(e.secrets),
  createdAt: iso(e.createdAt),
  updatedAt: iso(e.updatedAt),
});

export const verificationJson = (v: EndpointVerification) => ({
  binId: v.binId,
  binUrl: v.binUrl,
  startedAt: iso(v.startedAt),
  until: iso(v.until),
});

/** Messages are written as text so the stored payload goes out byte for byte (64-bit integers). */
export function messageJson(m: Message, extra: Record<string, unknown> = {}): string {
  const head = JSON.stringify({
    id: m.id,
    appId: m.appId,
    eventType: m.eventType,
    idempotencyKey: m.idempotencyKey,
    endpointId: m.endpointId,
    orderingKey: m.orderingKey,
    createdAt: iso(m.createdAt),
    payloadDroppedAt: isoOrNull(m.payloadDroppedAt ?? null),
    ...extra,
  });
  // A dropped payload is null, never the `{}` kept in its place: a receiver's real `{}` stays `{}`.
  return `${head.slice(0, -1)},"payload":${m.payloadDroppedAt != null ? 'null' : m.payload}}`;
}

export const messagePageJson = (data: Message[], nextCursor: string | null) =>
  `{"data":[${data.map((m) => messageJson(m)).join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`;

export const deliveryJson = (d: Delivery) => ({
  id: d.id,
  appId: d.appId,
  messageId: d.messageId,
  endpointId: d.endpointId,
  state: d.state,
  attempts: d.attempts,
  nextAttemptAt: isoOrNull(d.nextAttemptAt),
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  createdAt: iso(d.createdAt),
  updatedAt: iso(d.updatedAt),
});

export const attemptJson = (a: Attempt) => ({
  id: a.id,
  deliveryId: a.deliveryId,
  messageId: a.messageId,
  endpointId: a.endpointId,
  at: iso(a.at),
  durationMs: a.durationMs,
  statusCode: a.statusCode,
  responseHeaders: a.responseHeaders,
  requestHeaders: a.requestHeaders,
  responseBody: a.responseBody,
  errorKind: a.errorKind,
  errorMessage: a.errorMessage,
  test: a.test,
});

const asText = (body: unknown) => body as string;

/** Sends JSON text as is (it was built from stored raw payloads), bypassing the schema serializer. */
export function sendJsonText(reply: FastifyReply, status: number, text: string): FastifyReply {
  return reply
    .status(status)
    .type('application/json')
    .serializer(asText)
    .send(text as never);
}
