import { deliveryLogFields } from './log-fields.js';
import type { Logger } from 'pino';
import { decide, rejectedAnswer } from '../domain/attempt-outcome.js';
import { DEFAULT_TIMEOUT_MS, resolveSchedule, type RetrySchedule } from '../domain/retry-policy.js';
import { redactRequestHeaders } from '../domain/request-headers.js';
import type { App, Attempt, Endpoint } from '../domain/types.js';
import { RenderError, type RenderedRequest } from '../formats/format.js';
import { getFormat } from '../formats/registry.js';
import type { Clock } from '../lib/clock.js';
import {
  SpanKind,
  endSpan,
  startSpan,
  traceparentOf,
  type Context,
  type Span,
} from '../lib/tracing.js';
import type { AttemptOutcome, AttemptResult, ClaimedDelivery, Release } from '../store/store.js';
import type { SendResult } from './http-sender.js';

/** How one delivery's turn ended: a result to commit, or the claim to give back unsent. */
export type AttemptStep =
  { kind: 'result'; result: AttemptResult } | { kind: 'release'; release: Release };

/** A request ready to send (stage 1's output when there is something to send). */
export interface PreparedRequest {
  kind: 'send';
  request: RenderedRequest;
  timeoutMs: number;
  schedule: RetrySchedule;
  /** The attempt's time: the request is signed with it and the attempt recorded at it. */
  at: number;
}

/** What an attempt needs besides the delivery: no store, just a sender, a clock and a logger. */
export interface AttemptDeps {
  sender: { send(request: RenderedRequest, timeoutMs: number): Promise<SendResult> };
  clock: Clock;
  logger: Logger;
  /** Randomness for retry jitter. */
  random?: () => number;
  /**
   * When the first attempt of the delivery's current schedule started; asked only for schedules
   * placed after the first attempt (Routee) when an attempt failed. Default: this attempt's time.
   */
  firstAttemptAt?(claim: ClaimedDelivery, now: number): Promise<number>;
}

/**
 * One attempt of a claimed delivery, in three stages with typed values between them (as in
 * Svix's worker): prepare (lease check, render, sign) → send → decide (success, retry or final
 * failure). The caller holds the origin's connection slot meanwhile and commits the result after.
 */
export async function runAttempt(
  deps: AttemptDeps,
  claim: ClaimedDelivery,
  endpoint: Endpoint,
  app: App | null,
  /** The delivery's span, while tracing is on: render, sign and send get spans under it. */
  trace: Context | null = null,
): Promise<AttemptStep> {
  const rendering = trace
    ? startSpan('hookline.render_and_sign', trace, {
        attributes: { 'hookline.format': endpoint.format },
      })
    : null;
  const rendered = prepareAttempt(claim, endpoint, app, deps.clock.now(), deps.logger);
  endSpan(rendering);
  if (rendered.kind !== 'send') return rendered;
  const http = trace
    ? startSpan('hookline.http', trace, {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': rendered.request.method,
          'server.address': hostOf(rendered.request.url),
        },
      })
    : null;
  const prepared = withTraceparent(rendered, claim, endpoint, http);
  let sent: SendResult;
  try {
    sent = accepted(
      prepared.schedule,
      await deps.sender.send(prepared.request, prepared.timeoutMs),
    );
  } catch (error) {
    endSpan(http, error);
    throw error;
  }
  if (http) {
    if (sent.statusCode !== null) http.setAttribute('http.response.status_code', sent.statusCode);
    endSpan(http, sent.errorKind === null ? undefined : `${sent.errorKind}: ${sent.errorMessage}`);
  }
  const firstAttemptAt =
    sent.errorKind !== null && prepared.schedule.measured === 'after-first' && deps.firstAttemptAt
      ? await deps.firstAttemptAt(claim, prepared.at)
      : prepared.at;
  return decideAttempt(
    claim,
    endpoint,
    prepared,
    sent,
    deps.clock.now(),
    deps.random,
    firstAttemptAt,
  );
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
};

/**
 * The request with the message's W3C `traceparent` (the HTTP span's while tracing is on, so the
 * receiver's spans sit under it; else the one stored with the message), unless the endpoint turned
 * it off or sets that header itself. Nothing is copied when there is nothing to add.
 */
function withTraceparent(
  prepared: PreparedRequest,
  claim: ClaimedDelivery,
  endpoint: Endpoint,
  http: Span | null,
): PreparedRequest {
  const stored = claim.message.traceContext;
  if (!stored || !endpoint.propagateTraceContext) return prepared;
  const headers = prepared.request.headers;
  if (Object.keys(headers).some((name) => name.toLowerCase() === 'traceparent')) return prepared;
  const traceparent = http ? traceparentOf(http) : stored;
  return { ...prepared, request: { ...prepared.request, headers: { ...headers, traceparent } } };
}

/** A preset may ask for more than a 2xx (Routee: 200 OK only): anything else is a failed attempt. */
export function accepted(schedule: RetrySchedule, sent: SendResult): SendResult {
  const rejected = sent.errorKind === null ? rejectedAnswer(schedule, sent.statusCode) : null;
  return rejected === null ? sent : { ...sent, errorKind: 'status', errorMessage: rejected };
}

/** Stage 1: the signed request to send, or the step that ends the turn without sending. */
export function prepareAttempt(
  claim: ClaimedDelivery,
  endpoint: Endpoint,
  app: App | null,
  now: number,
  logger: Logger,
): PreparedRequest | AttemptStep {
  const { delivery, message } = claim;
  const schedule = resolveSchedule(endpoint.retryPolicy);
  const timeoutMs = endpoint.timeoutMs ?? schedule.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (delivery.leaseUntil !== null && now + timeoutMs > delivery.leaseUntil) {
    // Waited too long for a slot: the lease could lapse mid-request, so give it back instead.
    return {
      kind: 'release',
      release: { deliveryId: delivery.id, leaseToken: claim.leaseToken, nextAttemptAt: now },
    };
  }
  if (!app) return unsent(claim, endpoint, 'failed', `app ${endpoint.appId} not found`);
  // Re-opened by hand after payload retention dropped the payload: there is nothing true to send.
  if (message.payloadDroppedAt != null)
    return unsent(claim, endpoint, 'failed', 'the payload was dropped by payload retention');
  const format = getFormat(endpoint.format);
  if (!format) return unsent(claim, endpoint, 'failed', `unknown format ${endpoint.format}`);
  let request;
  try {
    request = format.render({ message, endpoint, app, now });
  } catch (error) {
    // A message that cannot be rendered never will be: fail it visibly instead of looping on its lease.
    if (error instanceof RenderError) return unsent(claim, endpoint, 'failed', error.message);
    logger.error({ err: error, ...deliveryLogFields(claim) }, 'format failed to render');
    const note = `format ${endpoint.format} failed to render: ${String(error)}`;
    return unsent(claim, endpoint, 'failed', note);
  }
  // The endpoint's format settings say this event is not sent: it counts as delivered.
  if (request === null) return unsent(claim, endpoint, 'succeeded');
  return { kind: 'send', request, timeoutMs, schedule, at: now };
}

/** Stage 3: the receiver's answer (or the failure to get one) decided on the retry schedule. */
export function decideAttempt(
  claim: ClaimedDelivery,
  endpoint: Endpoint,
  prepared: PreparedRequest,
  sent: SendResult,
  now: number,
  random?: () => number,
  firstAttemptAt: number = prepared.at,
): AttemptStep {
  const answer = accepted(prepared.schedule, sent);
  const decision = decide(
    {
      previousAttempts: claim.delivery.attempts,
      firstAttemptAt,
      statusCode: answer.statusCode,
      succeeded: answer.errorKind === null,
      retryAfterHeader: answer.headers['retry-after'],
    },
    prepared.schedule,
    now,
    random,
  );
  return {
    kind: 'result',
    result: {
      deliveryId: claim.delivery.id,
      endpointId: endpoint.id,
      leaseToken: claim.leaseToken,
      attempt: toAttempt(claim, prepared.at, answer, prepared.request),
      outcome: decision.outcome,
      nextAttemptAt: decision.nextAttemptAt,
    },
  };
}

/** A turn that ends without a request; `note` is kept as the delivery's last error. */
function unsent(
  claim: ClaimedDelivery,
  endpoint: Endpoint,
  outcome: AttemptOutcome,
  note?: string,
): AttemptStep {
  const result: AttemptResult = {
    deliveryId: claim.delivery.id,
    endpointId: endpoint.id,
    leaseToken: claim.leaseToken,
    attempt: null,
    outcome,
    nextAttemptAt: null,
  };
  if (note !== undefined) result.note = note;
  return { kind: 'result', result };
}

export function toAttempt(
  claim: ClaimedDelivery,
  at: number,
  sent: SendResult,
  request: RenderedRequest,
): Omit<Attempt, 'id'> {
  return {
    appId: claim.delivery.appId,
    deliveryId: claim.delivery.id,
    messageId: claim.message.id,
    endpointId: claim.delivery.endpointId,
    at,
    durationMs: sent.durationMs,
    statusCode: sent.statusCode,
    responseHeaders: sent.headers,
    responseBody: sent.body,
    errorKind: sent.errorKind,
    errorMessage: sent.errorMessage,
    test: false,
    requestHeaders: redactRequestHeaders(request.headers),
  };
}
