import type { Logger } from 'pino';
import type { Endpoint } from '../domain/types.js';
import { TypedEmitter } from '../lib/typed-emitter.js';
import type { AttemptResult, ClaimedDelivery, RecordedResults, Release } from '../store/store.js';

/** Why claimed deliveries were given back without an attempt. */
export type ReleaseReason =
  /** The endpoint is disabled: parked (`nextAttemptAt` null) until it is enabled. */
  | 'disabled'
  /** The endpoint's rate limit: due again when its token bucket allows. */
  | 'rate-limited'
  /** Waited so long for a slot that the lease could lapse mid-request: due again now. */
  | 'lease-too-short'
  /** The dispatcher is stopping and the delivery had not started: due again now. */
  | 'shutdown'
  /** The endpoint is switched to a bin: the bin captured it, due for the URL when the switch ends. */
  | 'verification';

/**
 * What the dispatcher tells its listeners (tests, metrics, the console's live views), by name.
 * Every event is emitted synchronously, after the fact it reports; payloads are the dispatcher's
 * own objects: read them, never change them.
 */
export interface EngineEventMap {
  /** A claim put deliveries under lease (an empty claim emits nothing). */
  claimed: { deliveries: readonly ClaimedDelivery[] };
  /**
   * One attempt ended: sent and decided, or decided without sending (`result.attempt` null: the
   * format skipped the event, or it could not be rendered). Its result is not committed yet.
   */
  attempt: { claim: ClaimedDelivery; endpoint: Endpoint; result: AttemptResult };
  /** An attempt's result is committed: the delivery's new state is what the store reads. */
  committed: { result: AttemptResult; endpoint: Endpoint };
  /**
   * A batch of results is committed (group commit): what it changed in the endpoints' health, and
   * the endpoints it disabled (410 Gone, failing too long).
   */
  recorded: { results: readonly AttemptResult[]; recorded: RecordedResults };
  /** Claimed deliveries were given back without an attempt counted, and that is committed. */
  released: { releases: readonly Release[]; reason: ReleaseReason };
  /**
   * The loop found nothing to claim and sleeps for `sleepMs`: until the next due time (`nextDueAt`,
   * null when nothing waits or it could not be read), a wake-up or the poll interval.
   * `claimError` is set when the claim failed (it is logged too).
   */
  idle: { sleepMs: number; nextDueAt: number | null; claimError?: unknown };
}

export type EngineEventName = keyof EngineEventMap;

/** The dispatcher's events: subscribe with `on(name, listener)`, which returns an unsubscribe. */
export class EngineEvents extends TypedEmitter<EngineEventMap> {}

/** Reports a listener that threw to the log; the dispatcher carries on. */
export function logListenerErrors(logger: Logger) {
  return (error: unknown, eventName: string): void =>
    logger.error({ err: error, event: eventName }, 'an engine event listener threw');
}
