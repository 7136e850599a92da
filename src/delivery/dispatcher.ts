import type { Logger } from 'pino';
import type { Endpoint } from '../domain/types.js';
import type { Clock } from '../lib/clock.js';
import type { AttemptResult, ClaimedDelivery, Release, Store } from '../store/store.js';
import { runAttempt, type AttemptDeps, type AttemptStep } from './attempt.js';
import { captureAttempt } from './verification-capture.js';
import { activeVerification } from '../domain/endpoint-verification.js';
import { DispatchCache } from './dispatch-cache.js';
import { EndpointLimits } from './endpoint-limits.js';
import { EndpointSlots, type EndpointLoad } from './endpoint-slots.js';
import { EngineEvents, logListenerErrors, type ReleaseReason } from './engine-events.js';
import type { HttpSender } from './http-sender.js';
import { deliveryLogFields } from './log-fields.js';
import { OriginGate } from './origin-gate.js';
import { ResultWriter } from './result-writer.js';
import { ROOT_CONTEXT, type SpanContext } from '@opentelemetry/api';
import {
  SpanKind,
  contextOf,
  contextWith,
  endSpan,
  startSpan,
  tracingOn,
  type Span,
} from '../lib/tracing.js';

export interface DispatcherOptions {
  /** Deliveries claimed per store call. */
  batchSize: number;
  /** Deliveries in flight (sending or waiting for a slot) in this process. */
  maxInflight: number;
  /** How long a claim holds; must exceed the longest timeout. */
  leaseMs: number;
  /** Longest sleep between polls when nothing is due (other nodes may add work). */
  pollMs: number;
  /** Endpoint/app cache lifetime. */
  cacheTtlMs: number;
  /** Randomness for retry jitter. */
  random?: () => number;
  /**
   * Worker processes sharing the database (default 1): each enforces an endpoint's rate limit
   * divided by this, so together they stay within it (see docs/scaling.md).
   */
  rateLimitWorkers?: number;
  /**
   * An endpoint failing without a success for this long is disabled as results are committed;
   * null or absent: never for failing (a `410 Gone` answer disables it whatever this says).
   */
  disableAfterMs?: number | null;
  /** Consecutive failures that make `endpoint.failing` (operational events; default 5). */
  failingAfter?: number;
  /**
   * Where the store can (`capabilities.parkedClaims`), an empty claim waits on the store for work
   * instead of the loop sleeping until woken: the store runs it again after each commit. Only with
   * the system clock (the store waits on real time).
   */
  parkClaims?: boolean;
  /**
   * A batch of results waits until its oldest has waited this long (real time; 0: never), unless
   * something waits on its commit (result-writer.ts). Worth it where a write costs far more than a
   * row (PostgreSQL); no acknowledgement waits on results.
   */
  resultLingerMs?: number;
}

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = {
  batchSize: 256,
  maxInflight: 512,
  leaseMs: 120_000,
  pollMs: 1000,
  cacheTtlMs: 1000,
};

/**
 * The delivery loop: claims due deliveries under a lease, applies the endpoint's limits, runs each
 * attempt (`attempt.ts`) when its endpoint and origin have a free slot, and group-commits the
 * results; it sleeps until the next due time or a wake-up. Serial ordering is the store's (only a
 * serial endpoint's head is ever due). What happens is told on `events` (`engine-events.ts`).
 */
export class Dispatcher {
  private running = false;
  private loop: Promise<void> | null = null;
  /** Deliveries taken in this process: running, or waiting for an endpoint or origin slot. */
  private inflight = 0;
  private readonly slots = new EndpointSlots();
  private readonly tasks = new Set<Promise<void>>();
  private readonly cache: DispatchCache;
  private readonly limits: EndpointLimits;
  private readonly writer: ResultWriter;
  private readonly attemptDeps: AttemptDeps;
  private wakeUp: (() => void) | null = null;
  /** While the loop sleeps: when it will wake (clock time), and how to wake it sooner. */
  private sleeping: { until: number; shorten: (ms: number) => void } | null = null;
  /** The next due time as last read, and when (performance.now()); see nextDue. */
  private knownDue: { due: number | null; readAt: number } | null = null;
  /** A wake-up that came while the loop was busy: the next sleep is skipped, so none is lost. */
  private wakePending = false;
  /** Endpoints the last claim skipped as saturated: a slot freeing on one of them wakes the loop. */
  private excluded = new Set<string>();
  private slotFreed: (() => void) | null = null;
  private readonly gate: OriginGate;
  /** Claims given back unstarted at shutdown. */
  private readonly unstarted: Release[] = [];
  /** While tracing is on: the claim span each claimed delivery came from (its span links to it). */
  private readonly claimSpans = new WeakMap<ClaimedDelivery, SpanContext>();
  /** Claims wait on the store (`DispatcherOptions.parkClaims`). */
  private readonly parking: boolean;
  /** A claim is waiting on the store: wake-ups that change what it may take must answer it. */
  private parked = false;

  constructor(
    private readonly store: Store,
    private readonly sender: HttpSender,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: DispatcherOptions = DEFAULT_DISPATCHER_OPTIONS,
    readonly events: EngineEvents = new EngineEvents(logListenerErrors(logger)),
  ) {
    this.cache = new DispatchCache(store, clock, options.cacheTtlMs);
    this.limits = new EndpointLimits(clock, options.rateLimitWorkers ?? 1);
    this.writer = new ResultWriter(
      store,
      clock,
      { disableAfterMs: options.disableAfterMs ?? null, failingAfter: options.failingAfter },
      (results, recorded) => {
        if (this.events.listening('recorded')) this.events.emit('recorded', { results, recorded });
      },
      { lingerMs: options.resultLingerMs ?? 0 },
    );
    this.attemptDeps = {
      sender,
      clock,
      logger,
      random: options.random,
      firstAttemptAt: (claim, now) => this.firstAttemptAt(claim, now),
    };
    this.parking = (options.parkClaims ?? false) && store.capabilities.parkedClaims;
    // undici reads 0 connections as "no limit"; so does the gate.
    this.gate = new OriginGate(
      sender.connectionsPerOrigin > 0 ? sender.connectionsPerOrigin : Number.POSITIVE_INFINITY,
    );
  }

  /** Starts the claim loop in the background. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.runLoop();
  }

  /** Its claims wait on the store, which sees every write: wake-ups for writes add nothing. */
  get parksClaims(): boolean {
    return this.parking;
  }

  /** New work may be due (a message was accepted, a delivery re-queued). */
  wake(): void {
    // A parked claim sees every commit on its own: a write's wake-up has nothing to add.
    if (this.parking && this.running) return;
    this.wakePending = true;
    this.wakeUp?.();
  }

  invalidateEndpoint(id: string): void {
    this.cache.invalidateEndpoint(id);
  }

  invalidateApp(id: string): void {
    this.cache.invalidateApp(id);
  }

  /** Stops claiming, gives back what has not started, waits for what is in flight to be committed. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    this.answerParked();
    this.slotFreed?.();
    await this.loop;
    for (const claim of this.slots.takeAllWaiting()) {
      this.unstarted.push(this.releaseNow(claim));
      this.inflight--;
    }
    this.gate.cancelQueued();
    // Give back what never started at once (other workers may take it), before waiting for the
    // sends in flight, which can take as long as the longest timeout.
    await new Promise((resolve) => setImmediate(resolve)); // cancelled deliveries record themselves
    await this.releaseUnstarted();
    await Promise.allSettled([...this.tasks]);
    await this.releaseUnstarted();
  }

  /**
   * Claims and delivers everything due now, until nothing is; resolves when every result is
   * committed. For tests and tools that drive time with a fake clock.
   */
  async drainDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const { claimed } = await this.claimBatch();
      if (claimed === 0 && this.tasks.size === 0) return total;
      total += claimed;
      await Promise.allSettled([...this.tasks]);
    }
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      if (
        this.options.maxInflight - this.inflight <
        Math.min(this.options.batchSize, this.options.maxInflight) / 4
      ) {
        this.writer.flush(); // lingering results hold the room the loop waits for
        await new Promise<void>((resolve) => (this.slotFreed = resolve));
        this.slotFreed = null;
        continue;
      }
      let claim = { claimed: 0, limit: 0 };
      let claimError: unknown;
      this.wakePending = false;
      try {
        claim = await this.claimBatch(this.parking ? this.options.pollMs : 0);
      } catch (error) {
        claimError = error;
        this.logger.error({ err: error }, 'claiming due deliveries failed; retrying');
      }
      // A claim that took less than it asked for took all that was due and free when it ran: what
      // comes due later wakes the loop (or nextDueAt times it), so claiming again at once would
      // only find nothing (on PostgreSQL, a round trip per wake-up of every worker). A parked claim
      // that came back empty already waited; one that failed must not spin.
      const tookAllDue = claim.claimed === 0 || (!this.parking && claim.claimed < claim.limit);
      if (tookAllDue && this.running && (!this.parking || claimError !== undefined))
        await this.sleepUntilDue(claimError);
    }
  }

  /** What the parked claim may take changed (a slot freed, stopping): it must come back now. */
  private answerParked(): void {
    if (!this.parked) return;
    this.store.wakeParkedClaims?.().catch((error: unknown) => {
      this.logger.error({ err: error }, 'waking the parked claim failed');
    });
  }

  /**
   * The next due time: read from the store at most once per `pollMs` (real time) while what was
   * read is still ahead and lowered by what this process made due since (dueAt, releases). On
   * PostgreSQL every NOTIFY wakes every worker, and a read per wake-up was one statement per worker
   * per message at low rates. What another process schedules for later is its own to claim on
   * time (it knows); here it is seen at the next read, as before at the next wake-up or poll.
   */
  private async nextDue(): Promise<number | null> {
    const known = this.knownDue;
    if (
      known !== null &&
      performance.now() - known.readAt < this.options.pollMs &&
      (known.due === null || known.due > this.clock.now())
    )
      return known.due;
    const readAt = performance.now();
    const due = await this.store.nextDueAt();
    this.knownDue = { due, readAt };
    return due;
  }

  /** This process made work due at `at` (a retry, a release): the known next due time follows. */
  private learnDue(at: number | null): void {
    const known = this.knownDue;
    if (known !== null && at !== null && (known.due === null || at < known.due)) known.due = at;
  }

  private async sleepUntilDue(claimError: unknown): Promise<void> {
    let waitMs = this.options.pollMs;
    let due: number | null = null;
    try {
      due = await this.nextDue();
      // What is due belongs to saturated endpoints: their freed slots (or new work) wake the loop.
      const dueNowButSaturated = due !== null && due <= this.clock.now() && this.excluded.size > 0;
      if (due !== null && !dueNowButSaturated)
        waitMs = Math.max(1, Math.min(waitMs, due - this.clock.now()));
    } catch (error) {
      this.logger.error({ err: error }, 'reading the next due time failed');
    }
    if (this.wakePending) return;
    if (this.events.listening('idle'))
      this.events.emit('idle', { sleepMs: waitMs, nextDueAt: due, claimError });
    await new Promise<void>((resolve) => {
      let timer = setTimeout(done, waitMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
      this.sleeping = {
        until: this.clock.now() + waitMs,
        shorten: (ms) => {
          clearTimeout(timer);
          timer = setTimeout(done, ms);
        },
      };
    });
    this.wakeUp = null;
    this.sleeping = null;
  }

  /**
   * Work became due at `at` (a retry just committed): if the loop sleeps past it, it wakes then,
   * not at the next poll.
   */
  private dueAt(at: number): void {
    this.learnDue(at);
    const sleeping = this.sleeping;
    if (!sleeping || at >= sleeping.until) return;
    const ms = Math.max(1, at - this.clock.now());
    sleeping.until = this.clock.now() + ms;
    sleeping.shorten(ms);
    if (this.events.listening('idle')) this.events.emit('idle', { sleepMs: ms, nextDueAt: at });
  }

  /**
   * Claims a batch, parks or rate-limits what cannot go now, and starts or queues the rest. With
   * `waitMs`, an empty claim waits on the store for work that long at most. Returns how many it
   * claimed of the `limit` it asked for.
   */
  private async claimBatch(waitMs = 0): Promise<{ claimed: number; limit: number }> {
    const limit = Math.min(this.options.batchSize, this.options.maxInflight - this.inflight);
    if (limit <= 0) return { claimed: 0, limit };
    const started = tracingOn() ? Date.now() : 0;
    const args = {
      now: this.clock.now(),
      limit,
      leaseMs: this.options.leaseMs,
      excludeEndpointIds: [...(this.excluded = new Set(this.slots.saturated(this.cache)))],
    };
    // A saturated endpoint's slots free as their results commit: none of them should linger.
    if (this.excluded.size > 0) this.writer.flush();
    let claimed: ClaimedDelivery[];
    if (waitMs > 0) {
      if (this.events.listening('idle'))
        this.events.emit('idle', { sleepMs: waitMs, nextDueAt: null });
      this.parked = true;
      try {
        claimed = await this.store.claimDue({ ...args, waitMs });
      } finally {
        this.parked = false;
      }
    } else {
      claimed = await this.store.claimDue(args);
    }
    if (started > 0 && claimed.length > 0) this.recordClaimSpan(started, limit, claimed);
    if (claimed.length === 0) return { claimed: 0, limit };
    if (this.events.listening('claimed')) this.events.emit('claimed', { deliveries: claimed });
    await this.cache.preload(claimed.map((c) => c.delivery.endpointId));
    const releases: Release[] = [];
    for (const c of claimed) {
      const endpoint = this.cache.endpoint(c.delivery.endpointId);
      if (!endpoint) continue; // deleted meanwhile: its deliveries are gone with it
      const heldBack = this.limits.holdBack(c, endpoint);
      if (heldBack) {
        releases.push(heldBack);
        continue;
      }
      this.inflight++;
      const load = this.slots.enter(c, endpoint);
      if (load) this.launch(c, endpoint, load);
      else this.writer.flush(); // it waits for a slot that a lingering result holds
    }
    if (releases.length > 0) {
      await this.store.releaseDeliveries(releases);
      for (const r of releases) this.learnDue(r.nextAttemptAt);
      if (this.events.listening('released')) {
        // Only a disabled endpoint's release is parked (null); a rate limit's has a time (holdBack).
        const parked = releases.filter((r) => r.nextAttemptAt === null);
        const limited = releases.filter((r) => r.nextAttemptAt !== null);
        if (parked.length > 0) this.emitReleased(parked, 'disabled');
        if (limited.length > 0) this.emitReleased(limited, 'rate-limited');
      }
    }
    return { claimed: claimed.length, limit };
  }

  /** A claim that took deliveries, as a span (idle polls are left out); their spans link to it. */
  private recordClaimSpan(started: number, limit: number, claimed: ClaimedDelivery[]): void {
    const span = startSpan('hookline.claim', ROOT_CONTEXT, {
      startTime: started,
      attributes: { 'hookline.claim.limit': limit, 'hookline.claimed': claimed.length },
    });
    if (!span) return;
    span.end();
    const context = span.spanContext();
    for (const c of claimed) this.claimSpans.set(c, context);
  }

  /** The delivery's span: a child of the message's trace (its ingest), linked to its claim. */
  private startDeliverySpan(claim: ClaimedDelivery, endpoint: Endpoint): Span | null {
    const claimSpan = this.claimSpans.get(claim);
    return startSpan('hookline.deliver', contextOf(claim.message.traceContext), {
      kind: SpanKind.CONSUMER,
      links: claimSpan ? [{ context: claimSpan }] : [],
      attributes: {
        'hookline.app_id': claim.delivery.appId,
        'hookline.endpoint_id': endpoint.id,
        'hookline.message_id': claim.message.id,
        'hookline.delivery_id': claim.delivery.id,
        'hookline.attempt': claim.delivery.attempts + 1,
      },
    });
  }

  /** Runs one delivery whose endpoint slot is held; when it ends, the slot passes on. */
  private launch(claim: ClaimedDelivery, endpoint: Endpoint, load: EndpointLoad): void {
    const task = this.deliver(claim, endpoint)
      .catch((error) =>
        this.logger.error({ err: error, ...deliveryLogFields(claim) }, 'delivery task failed'),
      )
      .finally(() => {
        this.tasks.delete(task);
        this.inflight--;
        const next = this.slots.leave(endpoint.id, load);
        if (next) this.launch(next, this.cache.endpoint(endpoint.id) ?? endpoint, load);
        this.slotFreed?.();
        if (
          this.excluded.has(endpoint.id) &&
          EndpointSlots.hasRoom(load, endpoint.maxConcurrency)
        ) {
          this.wakeUp?.();
          this.answerParked();
        }
      });
    this.tasks.add(task);
  }

  /** Waits for a connection to the endpoint's origin, runs the attempt, then commits or releases. */
  private async deliver(claim: ClaimedDelivery, endpoint: Endpoint): Promise<void> {
    if (!tracingOn()) return this.deliverIn(null, claim, endpoint);
    const span = this.startDeliverySpan(claim, endpoint);
    try {
      await this.deliverIn(span, claim, endpoint);
      endSpan(span);
    } catch (error) {
      endSpan(span, error);
      throw error;
    }
  }

  private async deliverIn(
    span: Span | null,
    claim: ClaimedDelivery,
    endpoint: Endpoint,
  ): Promise<void> {
    const verifying = activeVerification(endpoint, this.clock.now());
    const origin = this.sender.originOf(verifying ? verifying.binUrl : endpoint.url);
    if (!(await this.gate.acquire(origin))) {
      this.unstarted.push(this.releaseNow(claim)); // shutting down before a connection was free
      return;
    }
    let step: AttemptStep;
    try {
      const app = this.cache.app(endpoint.appId);
      step = verifying
        ? await captureAttempt(this.attemptDeps, this.store, claim, endpoint, app, verifying)
        : await runAttempt(this.attemptDeps, claim, endpoint, app, span && contextWith(span));
    } finally {
      this.gate.release(origin);
    }
    if (step.kind === 'release') {
      const releases = [step.release];
      await this.store.releaseDeliveries(releases);
      this.learnDue(step.release.nextAttemptAt);
      this.emitReleased(releases, verifying ? 'verification' : 'lease-too-short');
      span?.setAttribute('hookline.outcome', 'released');
      return;
    }
    if (this.events.listening('attempt'))
      this.events.emit('attempt', { claim, endpoint, result: step.result });
    if (!span) return this.commit(step.result, endpoint, claim);
    span.setAttribute('hookline.outcome', step.result.outcome);
    const committing = startSpan('hookline.commit', contextWith(span));
    try {
      await this.commit(step.result, endpoint, claim);
      endSpan(committing);
    } catch (error) {
      endSpan(committing, error);
      throw error;
    }
  }

  private async commit(
    result: AttemptResult,
    endpoint: Endpoint,
    claim: ClaimedDelivery,
  ): Promise<void> {
    await this.writer.write(result, this.commitAwaited(endpoint));
    if (result.outcome === 'retry') {
      if (result.nextAttemptAt != null) this.dueAt(result.nextAttemptAt);
    } else if (endpoint.ordering !== 'parallel') {
      this.dueAt(this.clock.now()); // the store made the next one in line due
    }
    if (result.outcome !== 'succeeded') this.logUnsuccessful(result, claim);
    if (this.events.listening('committed')) this.events.emit('committed', { result, endpoint });
  }

  /**
   * Whether something waits on this result's commit: the next delivery of an ordered line (the
   * store promotes it then), a claim waiting for the endpoint's slot (freed once committed), or the
   * claim loop for room in this process.
   */
  private commitAwaited(endpoint: Endpoint): boolean {
    return (
      endpoint.ordering !== 'parallel' ||
      this.excluded.has(endpoint.id) ||
      this.slots.hasWaiting(endpoint.id) ||
      this.slotFreed !== null
    );
  }

  private logUnsuccessful(result: AttemptResult, claim: ClaimedDelivery): void {
    const a = result.attempt;
    const ids = deliveryLogFields(claim);
    if (result.outcome === 'failed') {
      this.logger.warn(
        { ...ids, status: a?.statusCode, errorKind: a?.errorKind },
        `delivery failed: ${a?.errorMessage ?? result.note}`,
      );
    } else {
      this.logger.info(
        {
          ...ids,
          status: a?.statusCode,
          errorKind: a?.errorKind,
          nextAttemptAt: result.nextAttemptAt,
        },
        'attempt failed; retry scheduled',
      );
    }
  }

  private async releaseUnstarted(): Promise<void> {
    const unstarted = this.unstarted.splice(0);
    if (unstarted.length === 0) return;
    await this.store.releaseDeliveries(unstarted);
    this.emitReleased(unstarted, 'shutdown');
  }

  /**
   * When the first attempt of the delivery's current schedule started: the oldest of its last
   * `attempts` recorded attempts (a re-opened delivery starts a new schedule). Read only for
   * schedules placed after the first attempt (Routee), and only when an attempt failed.
   */
  private async firstAttemptAt(claim: ClaimedDelivery, now: number): Promise<number> {
    const previous = claim.delivery.attempts;
    if (previous === 0) return now;
    const page = await this.store.listAttempts(
      claim.delivery.appId,
      { deliveryId: claim.delivery.id },
      { limit: previous, cursor: null },
    );
    return page.data.at(-1)?.at ?? now;
  }

  private emitReleased(releases: readonly Release[], reason: ReleaseReason): void {
    if (this.events.listening('released')) this.events.emit('released', { releases, reason });
  }

  private releaseNow(claim: ClaimedDelivery): Release {
    return {
      deliveryId: claim.delivery.id,
      leaseToken: claim.leaseToken,
      nextAttemptAt: this.clock.now(),
    };
  }
}
