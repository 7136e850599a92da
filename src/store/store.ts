import type {
  App,
  Attempt,
  Delivery,
  DeliveryState,
  Endpoint,
  Message,
  Page,
  RecoverableState,
} from '../domain/types.js';
import type { EndpointHealth, HealthTransition } from '../domain/endpoint-health.js';
import type { DisabledEndpoint } from '../domain/endpoint-disabling.js';
import type { StatsBucket, StatsResolution } from '../domain/endpoint-stats.js';
import type { BinStore } from './bin-store.js';
import type { BotStore } from './bot-store.js';
import type { PortalStore } from './portal-store.js';
import type { ListQuery } from './list-query.js';

/**
 * The persistence contract, in domain terms. SQLite (embedded) and PostgreSQL implement it;
 * test/conformance runs one suite against both.
 */

export interface StoreCapabilities {
  dialect: 'sqlite' | 'postgres';
  /** One process owns the database, so leases left by a previous run can be released at start. */
  singleOwner: boolean;
  /** The store can wake dispatchers in other processes when work is added (LISTEN/NOTIFY). */
  crossProcessWakeups: boolean;
  /**
   * A claim can wait on the store for work (`ClaimArgs.waitMs`): one writer sees every write, so it
   * runs the claim again right after each commit (SQLite). `wakeParkedClaims` answers it early.
   */
  parkedClaims: boolean;
}

export type { ListQuery } from './list-query.js';

export interface NewMessage {
  id: string;
  appId: string;
  eventType: string;
  payload: string;
  idempotencyKey: string | null;
  endpointId: string | null;
  /** What per-key endpoints order it by (given, or derived from the event); null = none. */
  orderingKey: string | null;
  createdAt: number;
  /**
   * The platform message this event reports on (see domain/events/report-key.ts). With an
   * `endpointId`, the store remembers that endpoint for the key; without one, a remembered
   * endpoint becomes the message's `endpointId` (its only target). Kept as long as the message
   * that set it.
   */
  reportKey?: string | null;
  /** W3C `traceparent` its deliveries continue (the ingest span, or the producer's); null = none. */
  traceContext?: string | null;
  /**
   * With an idempotency key: a digest of what the request asked for (see domain/request-digest.ts);
   * the same key with another digest is refused.
   */
  requestDigest?: string | null;
  /**
   * The SHA-256 (hex) of the API key the message came with, when the caller took the key's app
   * from a cache that a change on another node may have outdated (src/api/api-keys.ts). The store
   * then writes the message, or answers a replay of its idempotency key, only if that is still the
   * app's key in the snapshot it writes with, and throws 401 `unauthorized` otherwise: a key
   * rotated or an app deleted before the request arrived is refused on every node. Absent when the
   * caller read the key as current (a store whose own cache is exact never gets it).
   */
  keyDigest?: string | null;
}

export interface InsertMessageResult {
  message: Message;
  /** false when the idempotency key matched an earlier message (nothing was written). */
  created: boolean;
  /** Deliveries created for this message. */
  deliveries: number;
}

/** What an idempotency key was first used for: when, and the digest of that request (null before digests). */
export interface KeyUse {
  createdAt: number;
  requestDigest: string | null;
}

/** A delivery claimed under a lease, with what is needed to send it. */
export interface ClaimedDelivery {
  delivery: Delivery;
  message: Message;
  /** Identifies this claim; results and releases only apply while it still holds. */
  leaseToken: string;
}

export type AttemptOutcome = 'succeeded' | 'retry' | 'failed';

export interface AttemptResult {
  deliveryId: number;
  endpointId: string;
  leaseToken: string;
  /** null when nothing was sent (the endpoint's format settings skip this event). */
  attempt: Omit<Attempt, 'id'> | null;
  outcome: AttemptOutcome;
  /** When outcome is `retry`: the next attempt time. */
  nextAttemptAt: number | null;
  /** Why, when no attempt was made (kept as the delivery's last error). */
  note?: string;
}

export interface Release {
  deliveryId: number;
  leaseToken: string;
  /**
   * Back to pending, due at this time; null: the endpoint is disabled, and the delivery is held
   * (due at once if it was enabled again meanwhile). No attempt is counted.
   */
  nextAttemptAt: number | null;
}

/** How committed results may disable their endpoints. */
export interface RecordRules {
  /**
   * An endpoint failing without a success for this long is disabled (`failing`); null or absent:
   * never for failing. A `410 Gone` answer disables it (`gone`) whatever this says.
   */
  disableAfterMs?: number | null;
  /** Consecutive failures that make `endpoint.failing` (HOOKLINE_FAILING_AFTER; default 5). */
  failingAfter?: number;
}

/** What a batch of committed results changed besides their deliveries. */
export interface RecordedResults {
  /**
   * The health counters of the endpoints the results were for, before and after. On PostgreSQL,
   * one transition per batch folded (postgres/fold-deltas.ts): a fold may take along a concurrent
   * batch of another node, or one a stopped node left.
   */
  health: HealthTransition[];
  /** Endpoints the results disabled (they were enabled before); their waiting deliveries are held. */
  disabled: DisabledEndpoint[];
  /** Operational events written to the outbox in the same transaction (see `OutboxEvent`). */
  operational: number;
}

/**
 * An operational event (endpoint.disabled, message.attempt.exhausted, ...) in the transactional
 * outbox: written in the transaction of the change it reports, whenever the operational app exists,
 * never about that app's own endpoints; deleted once it is a message of that app.
 */
export interface OutboxEvent {
  id: number;
  eventType: string;
  /** The event's JSON, its endpoint's app and URL included. */
  payload: string;
  createdAt: number;
}

export interface ClaimArgs {
  now: number;
  limit: number;
  leaseMs: number;
  /** Endpoints this dispatcher cannot take more work for right now. */
  excludeEndpointIds?: string[];
  /**
   * Only where `capabilities.parkedClaims`, and only on the system clock: when nothing is due,
   * wait up to this long for work to be (a write committed, a due time reached) and claim it then.
   */
  waitMs?: number;
}

export interface DeliveryFilter {
  state?: DeliveryState;
  endpointId?: string;
  messageId?: string;
}

export interface AttemptFilter {
  messageId?: string;
  endpointId?: string;
  deliveryId?: number;
  /** Default false: real attempts only. */
  test?: boolean;
}

export interface MessageFilter {
  eventType?: string;
  /** created_at bounds, ms */
  since?: number;
  until?: number;
}

export interface RecoverRequest {
  /** created_at bounds of the deliveries, ms: [since, until); until null = when the run started. */
  since: number;
  until: number | null;
  /** The settled states to send again. */
  states: RecoverableState[];
  /** At most this many deliveries are re-queued per call; the same request again continues. */
  limit: number;
  /**
   * The same request (endpoint, window, states) within this long continues the run it started
   * (never re-sending what it re-queued); after it, it starts afresh.
   */
  idempotencyWindowMs: number;
}

export interface RecoverOutcome {
  /** Deliveries re-queued by this call. */
  requeued: number;
  /** Re-queued by the whole run (all calls of the same request) so far. */
  requeuedTotal: number;
  /** false: more deliveries match; repeat the same request to continue. */
  done: boolean;
  /** The window's end as the run fixed it (ms). */
  until: number;
}

export interface ReplayOutcome {
  delivery: Delivery;
  /** false: the same replay was asked within the idempotency window, or one is still on its way. */
  created: boolean;
}

export type ReplayResult = ReplayOutcome | 'payload_expired' | null;

/** Where a retention pass stands: the last message it looked at (oldest first). */
export interface PurgeCursor {
  createdAt: number;
  id: string;
}

/**
 * One step of a retention pass: at most `limit` messages looked at, in one short transaction.
 * Only settled messages are touched: every delivery succeeded or failed, or held (parked while its
 * endpoint is disabled). Pending, retrying and in-flight deliveries keep their message whole.
 */
export interface PurgeRequest {
  /** Messages created before this (ms). */
  before: number;
  limit: number;
  /** Where the previous step of this pass stopped; null to start at the oldest. */
  after: PurgeCursor | null;
  now: number;
}

export interface PurgeProgress {
  /** Messages deleted (purgeMessages) or whose payload was dropped (dropPayloads). */
  messages: number;
  /** Deliveries and attempts deleted with them (purgeMessages). */
  deliveries: number;
  attempts: number;
  /** Where the next step continues; null when the pass is done. */
  next: PurgeCursor | null;
}

export interface StoreStats {
  pending: number;
  delivering: number;
  succeeded: number;
  failed: number;
  held: number;
}

/** A time series of rollups: one app (all its endpoints, past and present) or one endpoint. */
export interface StatsQuery {
  appId: string;
  endpointId?: string;
  resolution: StatsResolution;
  /** Buckets starting in [since, until). */
  since: number;
  until: number;
}

/** Deliveries of an app waiting to be sent now. */
export interface AppBacklog {
  /** Pending: due, waiting for a retry, or parked behind a serial head or a disabled endpoint. */
  pending: number;
  /** Under a lease: being sent. */
  delivering: number;
}

/**
 * The delivery backlog as an operator watches it (GET /metrics). Each count stops at the `cap`
 * given, so reading it stays cheap however large the backlog grows: a count equal to the cap means
 * "at least".
 */
export interface Backlog {
  /** Pending and due now, including leases that expired (their worker is gone). */
  dueNow: number;
  /** Pending and due later: waiting for a retry (or a rate limit's next slot). */
  waiting: number;
  /** Under a lease that has not expired: being sent. */
  inFlight: number;
  /** Finally failed. */
  failed: number;
  /** When the longest-waiting due delivery became due; null when nothing is due now. */
  oldestDueAt: number | null;
  /** Endpoints switched off. */
  disabledEndpoints: number;
  /** Endpoints with at least one delivery waiting for a retry after a failed attempt. */
  failingEndpoints: number;
}

export interface Store {
  readonly capabilities: StoreCapabilities;
  /** Inspector bins and their captured requests (src/inspector). */
  readonly bins: BinStore;
  /** Bot connections and their invocations (src/bots). */
  readonly bots: BotStore;
  /** Portal sessions (src/api/portal). */
  readonly portal: PortalStore;
  /** Applies pending migrations (idempotent, safe when several nodes start at once). */
  migrate(): Promise<void>;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  /** Migration versions this code has that the database lacks (readiness: /readyz). */
  pendingMigrations(): Promise<number[]>;
  /**
   * Writes a little (a page's worth) and rolls it back: throws when the store cannot write now,
   * for example a full disk (see store/storage-full.ts). Readiness only: nothing is kept.
   */
  probeWrite(): Promise<void>;
  close(): Promise<void>;

  createApp(app: App): Promise<App>;
  getApp(id: string): Promise<App | null>;
  /** The app with this uid (Svix's ids-or-uids); a uid taken twice is a `uid_taken` error on write. */
  getAppByUid(uid: string): Promise<App | null>;
  getAppByKeyHash(apiKeyHash: string): Promise<App | null>;
  /** The app whose Viber auth token has this SHA-256 (hex): tokens are sealed, the digest is not. */
  getAppByViberTokenDigest(digest: string): Promise<App | null>;
  listApps(query: ListQuery, onlyId?: string): Promise<Page<App>>;
  /**
   * Replaces the app's mutable fields (name, metadata, apiKeyHash, ...). With `expectedUpdatedAt`,
   * only while the stored app's `updatedAt` still equals it (the version the caller read), else
   * null: see lib/versioned-update.ts. Every write to an app raises its `updatedAt`.
   */
  updateApp(app: App, expectedUpdatedAt?: number): Promise<App | null>;
  /** Deletes the app with all its endpoints, messages, deliveries and attempts. */
  deleteApp(id: string): Promise<boolean>;

  createEndpoint(endpoint: Endpoint): Promise<Endpoint>;
  getEndpoint(appId: string, id: string): Promise<Endpoint | null>;
  /** The app's endpoint with this uid. */
  getEndpointByUid(appId: string, uid: string): Promise<Endpoint | null>;
  getEndpointsByIds(ids: string[]): Promise<Endpoint[]>;
  listEndpoints(appId: string, query: ListQuery): Promise<Page<Endpoint>>;
  /**
   * Replaces every mutable field of the endpoint. With `expectedUpdatedAt`, only while the stored
   * endpoint's `updatedAt` still equals it (the version the caller read), else null. A write that
   * changes an endpoint's fields outside this method must raise `updated_at` too, so that a
   * concurrent read-modify-write notices it. Switching it on or off writes `endpoint.enabled` or
   * `endpoint.disabled` to the operational outbox in the same transaction.
   */
  updateEndpoint(endpoint: Endpoint, expectedUpdatedAt?: number): Promise<Endpoint | null>;
  deleteEndpoint(appId: string, id: string): Promise<boolean>;

  /**
   * One transaction: the message and a delivery for every endpoint of the app whose filter matches
   * (or only `endpointId` when set); a disabled endpoint's delivery is `held`. An idempotency key seen within
   * `idempotencyWindowMs` returns the original message and writes nothing.
   */
  insertMessage(message: NewMessage, idempotencyWindowMs: number): Promise<InsertMessageResult>;
  /**
   * The messages of one batch request, all or nothing, each as `insertMessage` stores it, in one
   * transaction: an item whose key is held (within the window) by another request throws 409
   * `idempotency_conflict` naming `messages[i].idempotencyKey`, and none of the batch is written.
   * The key's use is checked in the same transaction that writes, so a request taking the key
   * meanwhile, on any node, cannot make an item answer with its message.
   */
  insertMessages(
    messages: NewMessage[],
    idempotencyWindowMs: number,
  ): Promise<InsertMessageResult[]>;
  getMessage(appId: string, id: string): Promise<Message | null>;
  /** The message that holds this idempotency key, while its window lasts (Svix's message uid). */
  getMessageByIdempotencyKey(appId: string, key: string): Promise<Message | null>;
  /** The use of an idempotency key, to refuse a conflicting batch before any of it is written. */
  getKeyUse(appId: string, key: string): Promise<KeyUse | null>;
  listMessages(appId: string, filter: MessageFilter, query: ListQuery): Promise<Page<Message>>;

  getDelivery(appId: string, id: number): Promise<Delivery | null>;
  listDeliveries(appId: string, filter: DeliveryFilter, query: ListQuery): Promise<Page<Delivery>>;
  /**
   * Makes a delivery due now. A failed or succeeded delivery is re-opened with a fresh schedule;
   * returns null when unknown, and the delivery unchanged when it is in flight.
   */
  retryDelivery(appId: string, id: number, now: number): Promise<Delivery | null>;
  /**
   * Re-queues the endpoint's deliveries in the given settled states created within the window,
   * oldest first, at most `limit` per call. Deliveries whose payload was dropped are skipped.
   * Returns null when the endpoint is not the app's.
   */
  recoverEndpoint(
    appId: string,
    endpointId: string,
    request: RecoverRequest,
    now: number,
  ): Promise<RecoverOutcome | null>;
  /**
   * Sends a past message of the app to one of its endpoints (any, even one created after the
   * message) as a new delivery. The same replay within `idempotencyWindowMs`, or while the
   * endpoint still has an unsettled delivery of the message, answers that delivery instead.
   * Null when the message or endpoint is unknown; `payload_expired` when its payload was dropped.
   */
  replayMessage(
    appId: string,
    messageId: string,
    endpointId: string,
    now: number,
    idempotencyWindowMs: number,
  ): Promise<ReplayResult>;

  /**
   * Retention: deletes settled messages created before `before` (see `PurgeRequest`) with their
   * deliveries, attempts and `webhook_id` mappings (their idempotency keys go with them). Safe to
   * run from several nodes at once: each step takes only rows no other step holds.
   */
  purgeMessages(request: PurgeRequest): Promise<PurgeProgress>;
  /**
   * Payload retention: replaces the payload of settled messages created before `before` with `{}`
   * and sets `payloadDroppedAt`; metadata, deliveries and attempts stay.
   */
  dropPayloads(request: PurgeRequest): Promise<PurgeProgress>;
  /**
   * Retention of what is not a message: stats rollups whose bucket starts before `before`, recover
   * and replay runs started before it, simulator test attempts and bot invocations made before it,
   * and portal sessions that ended before it. At most `limit`
   * rows of each; returns how many rows went (fewer than asked of each: nothing left).
   */
  purgeHistory(before: number, limit: number): Promise<number>;
  /**
   * Gives freed pages back to the file system, at most `maxPages` (SQLite with incremental
   * auto-vacuum, once the free pages exceed a share of the file; 0 otherwise and on PostgreSQL,
   * whose autovacuum reuses the space). Returns the pages given back.
   */
  reclaimSpace(maxPages: number): Promise<number>;

  /**
   * Makes the endpoint's pending, unclaimed deliveries that are due exactly at `heldUntil` due at
   * `now` (deliveries held by a verification switch that was stopped early); returns how many.
   */
  releaseHeldDeliveries(
    appId: string,
    endpointId: string,
    heldUntil: number,
    now: number,
  ): Promise<number>;

  listAttempts(appId: string, filter: AttemptFilter, query: ListQuery): Promise<Page<Attempt>>;
  /** Records an attempt made outside the delivery engine (simulator): test attempts. */
  insertAttempt(attempt: Omit<Attempt, 'id'>): Promise<Attempt>;

  /**
   * Claims up to `limit` due deliveries (pending and due, or delivering with an expired lease)
   * under a lease, in two lanes that take turns: first attempts, oldest due first, and all due
   * deliveries (mostly retries), oldest due first. So a backlog of retries never keeps a first
   * attempt waiting. Serial endpoints only ever have their head delivery due.
   */
  claimDue(args: ClaimArgs): Promise<ClaimedDelivery[]>;
  /** Answers every waiting claim now, empty if nothing is due (stores with `parkedClaims` only). */
  wakeParkedClaims?(): Promise<void>;
  /**
   * Group commit of attempt results; a result whose lease was lost still records its attempt. In
   * the same transaction: a `410 Gone` answer holds its delivery and disables the endpoint, and an
   * endpoint failing for `rules.disableAfterMs` is disabled; a disabled endpoint's waiting
   * deliveries become held; the operational events all this makes go to the outbox.
   */
  recordAttempts(
    results: AttemptResult[],
    now: number,
    rules?: RecordRules,
  ): Promise<RecordedResults>;
  /**
   * Operational events waiting in the outbox, oldest first: up to `limit` that no other process
   * holds, now claimed for `leaseMs` (PostgreSQL: SKIP LOCKED, so nodes never take the same row).
   */
  claimOperationalEvents(now: number, limit: number, leaseMs: number): Promise<OutboxEvent[]>;
  /** Deletes outbox events once they are messages (or have nowhere to go). */
  deleteOperationalEvents(ids: number[]): Promise<void>;
  /** Gives claimed deliveries back without an attempt (rate limit, shutdown). */
  releaseDeliveries(releases: Release[]): Promise<void>;
  /**
   * At start, for single-owner stores: in-flight deliveries of a dead process become due now, and
   * the outbox events it had claimed can be claimed again.
   */
  releaseAllLeases(now: number): Promise<number>;
  /** The earliest time anything becomes due, or null when nothing is waiting. */
  nextDueAt(): Promise<number | null>;
  stats(appId?: string): Promise<StoreStats>;
  /** Rollup buckets in time order; buckets without attempts are absent. */
  statsSeries(query: StatsQuery): Promise<StatsBucket[]>;
  /**
   * The health of the app's endpoints among `endpointIds` (unknown ids are left out): counters as
   * of the last committed result and the last hour and day summed from the rollups.
   */
  endpointHealth(appId: string, endpointIds: string[], now: number): Promise<EndpointHealth[]>;
  /** The app's endpoints with failures since their last success, most failures first. */
  failingEndpoints(appId: string, limit: number): Promise<string[]>;
  /** Counts from the small index of pending deliveries, never the whole history. */
  appBacklog(appId: string): Promise<AppBacklog>;
  /** The backlog at `now`, each count bounded by `cap` (see `Backlog`). */
  backlog(now: number, cap: number): Promise<Backlog>;
  /**
   * Present when `capabilities.crossProcessWakeups`: calls `listener` whenever another process may
   * have made work due (a message accepted, a delivery re-queued, a serial head promoted), and
   * periodically while that signal is unavailable. Returns a function that unsubscribes.
   */
  onWake?(listener: () => void): () => void;
}
