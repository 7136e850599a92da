import type { Logger } from 'pino';
import { decide } from '../domain/attempt-outcome.js';
import { DEFAULT_TIMEOUT_MS, resolveSchedule } from '../domain/retry-policy.js';
import type { Attempt, Endpoint } from '../domain/types.js';
import { RenderError } from '../formats/format.js';
import { getFormat } from '../formats/registry.js';
import type { Clock } from '../lib/clock.js';
import type { AttemptResult, ClaimedDelivery, Release, Store } from '../store/store.js';
import { DispatchCache } from './dispatch-cache.js';
import type { HttpSender, SendResult } from './http-sender.js';
import { OriginGate } from './origin-gate.js';
import { RateLimiter } from './rate-limiter.js';
import { ResultWriter } from './result-writer.js';

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
}

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = {
  batchSize: 256,
  maxInflight: 512,
  leaseMs: 120_000,
  pollMs: 1000,
  cacheTtlMs: 1000,
};

/** What one delivery's turn ended with: a result to commit, or the claim to give back. */
type Step = { kind: 'result'; result: AttemptResult } | { kind: 'release'; release: Release };

interface EndpointLoad {
  inflight: number;
  waiting: ClaimedDelivery[];
}

export interface DispatcherEvents {
  /** Called after a result is committed (tests and metrics). */
  onCommitted?: (result: AttemptResult, endpoint: Endpoint) => void;
}

/**
 * Claims due deliveries under a lease, renders and signs them in the endpoint's format, POSTs them,
 * and group-commits the results. Per-endpoint concurrency and rate limits are applied here;
 * serial ordering is the store's (only a serial endpoint's head is ever due).
 */
export class Dispatcher {
  private running = false;
  private loop: Promise<void> | null = null;
  private inflight = 0;
  private readonly loads = new Map<string, EndpointLoad>();
  private readonly tasks = new Set<Promise<void>>();
  private readonly cache: DispatchCache;
  private readonly rates: RateLimiter;
  private readonly writer: ResultWriter;
  private wakeUp: (() => void) | null = null;
  /** A wake-up that came while the loop was busy: the next sleep is skipped, so none is lost. */
  private wakePending = false;
  /** Endpoints the last claim skipped as saturated: a slot freeing on one of them wakes the loop. */
  private excluded = new Set<string>();
  private slotFreed: (() => void) | null = null;
  private readonly gate: OriginGate;
  /** Claims given back unstarted at shutdown. */
  private readonly unstarted: Release[] = [];

  constructor(
    private readonly store: Store,
    private readonly sender: HttpSender,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: DispatcherOptions = DEFAULT_DISPATCHER_OPTIONS,
    private readonly events: DispatcherEvents = {},
  ) {
    this.cache = new DispatchCache(store, clock, options.cacheTtlMs);
    this.rates = new RateLimiter(clock);
    this.writer = new ResultWriter(store, clock);
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

  /** New work may be due (a message was accepted, a delivery re-queued). */
  wake(): void {
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
    this.slotFreed?.();
    await this.loop;
    for (const load of this.loads.values()) {
      for (const c of load.waiting.splice(0)) {
        this.unstarted.push(this.releaseNow(c));
        this.inflight--;
      }
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
      const claimed = await this.claimBatch();
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
        await new Promise<void>((resolve) => (this.slotFreed = resolve));
        this.slotFreed = null;
        continue;
      }
      let claimed = 0;
      this.wakePending = false;
      try {
        claimed = await this.claimBatch();
      } catch (error) {
        this.logger.error({ err: error }, 'claiming due deliveries failed; retrying');
      }
      if (claimed === 0 && this.running) await this.sleepUntilDue();
    }
  }

  private async sleepUntilDue(): Promise<void> {
    let waitMs = this.options.pollMs;
    try {
      const due = await this.store.nextDueAt();
      // What is due belongs to saturated endpoints: their freed slots (or new work) wake the loop.
      const dueNowButSaturated = due !== null && due <= this.clock.now() && this.excluded.size > 0;
      if (due !== null && !dueNowButSaturated)
        waitMs = Math.max(1, Math.min(waitMs, due - this.clock.now()));
    } catch (error) {
      this.logger.error({ err: error }, 'reading the next due time failed');
    }
    if (this.wakePending) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, waitMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
    this.wakeUp = null;
  }

  private saturatedEndpoints(): string[] {
    const out: string[] = [];
    for (const [id, load] of this.loads) {
      const endpoint = this.cache.endpoint(id);
      if (endpoint && load.inflight + load.waiting.length >= endpoint.maxConcurrency) out.push(id);
    }
    return out;
  }

  private async claimBatch(): Promise<number> {
    const limit = Math.min(this.options.batchSize, this.options.maxInflight - this.inflight);
    if (limit <= 0) return 0;
    const claimed = await this.store.claimDue({
      now: this.clock.now(),
      limit,
      leaseMs: this.options.leaseMs,
      excludeEndpointIds: [...(this.excluded = new Set(this.saturatedEndpoints()))],
    });
    if (claimed.length === 0) return 0;
    await this.cache.preload(claimed.map((c) => c.delivery.endpointId));
    const releases: Release[] = [];
    for (const c of claimed) {
      const endpoint = this.cache.endpoint(c.delivery.endpointId);
      if (!endpoint) continue; // deleted meanwhile: its deliveries are gone with it
      if (endpoint.disabled) {
        releases.push({ deliveryId: c.delivery.id, leaseToken: c.leaseToken, nextAttemptAt: null });
        continue;
      }
      if (endpoint.rateLimit !== null) {
        const waitMs = this.rates.take(
          endpoint.id,
          endpoint.rateLimit / (this.options.rateLimitWorkers ?? 1),
        );
        if (waitMs > 0) {
          releases.push({
            deliveryId: c.delivery.id,
            leaseToken: c.leaseToken,
            nextAttemptAt: this.clock.now() + waitMs,
          });
          continue;
        }
      }
      this.inflight++;
      this.enqueue(c, endpoint);
    }
    if (releases.length > 0) await this.store.releaseDeliveries(releases);
    return claimed.length;
  }

  private enqueue(claim: ClaimedDelivery, endpoint: Endpoint): void {
    let load = this.loads.get(endpoint.id);
    if (!load) {
      load = { inflight: 0, waiting: [] };
      this.loads.set(endpoint.id, load);
    }
    if (load.inflight < endpoint.maxConcurrency) this.launch(claim, endpoint, load);
    else load.waiting.push(claim);
  }

  private launch(claim: ClaimedDelivery, endpoint: Endpoint, load: EndpointLoad): void {
    load.inflight++;
    const task = this.deliver(claim, endpoint)
      .catch((error) =>
        this.logger.error({ err: error, deliveryId: claim.delivery.id }, 'delivery task failed'),
      )
      .finally(() => {
        this.tasks.delete(task);
        load.inflight--;
        this.inflight--;
        const next = load.waiting.shift();
        if (next) this.launch(next, this.cache.endpoint(endpoint.id) ?? endpoint, load);
        else if (load.inflight === 0) this.loads.delete(endpoint.id);
        this.slotFreed?.();
        if (
          this.excluded.has(endpoint.id) &&
          load.inflight + load.waiting.length < endpoint.maxConcurrency
        )
          this.wakeUp?.();
      });
    this.tasks.add(task);
  }

  private async releaseUnstarted(): Promise<void> {
    const unstarted = this.unstarted.splice(0);
    if (unstarted.length > 0) await this.store.releaseDeliveries(unstarted);
  }

  private releaseNow(claim: ClaimedDelivery): Release {
    return {
      deliveryId: claim.delivery.id,
      leaseToken: claim.leaseToken,
      nextAttemptAt: this.clock.now(),
    };
  }

  private async deliver(claim: ClaimedDelivery, endpoint: Endpoint): Promise<void> {
    const origin = this.sender.originOf(endpoint.url);
    if (!(await this.gate.acquire(origin))) {
      this.unstarted.push(this.releaseNow(claim)); // shutting down before a connection was free
      return;
    }
    let step: Step;
    try {
      step = await this.attempt(claim, endpoint);
    } finally {
      this.gate.release(origin);
    }
    if (step.kind === 'release') await this.store.releaseDeliveries([step.release]);
    else await this.commit(step.result, endpoint);
  }

  /** Renders, signs and sends one delivery while its origin's slot is held; the result is committed after. */
  private async attempt(claim: ClaimedDelivery, endpoint: Endpoint): Promise<Step> {
    const { delivery, message, leaseToken } = claim;
    const schedule = resolveSchedule(endpoint.retryPolicy);
    const timeoutMs = endpoint.timeoutMs ?? schedule.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const now = this.clock.now();
    if (delivery.leaseUntil !== null && now + timeoutMs > delivery.leaseUntil) {
      // Waited too long for a slot: the lease could lapse mid-request, so give it back instead.
      return {
        kind: 'release',
        release: { deliveryId: delivery.id, leaseToken, nextAttemptAt: now },
      };
    }
    const app = this.cache.app(endpoint.appId);
    const format = getFormat(endpoint.format);
    const base = { deliveryId: delivery.id, endpointId: endpoint.id, leaseToken };
    const failedWith = (note: string): Step => ({
      kind: 'result',
      result: { ...base, attempt: null, outcome: 'failed', nextAttemptAt: null, note },
    });
    if (!app || !format)
      return failedWith(
        !app ? `app ${endpoint.appId} not found` : `unknown format ${endpoint.format}`,
      );
    let request;
    try {
      request = format.render({ message, endpoint, app, now });
    } catch (error) {
      // A message that cannot be rendered never will be: fail it visibly instead of looping on its lease.
      if (!(error instanceof RenderError))
        this.logger.error({ err: error, deliveryId: delivery.id }, 'format failed to render');
      return failedWith(
        error instanceof RenderError
          ? error.message
          : `format ${endpoint.format} failed to render: ${String(error)}`,
      );
    }
    if (request === null)
      return {
        kind: 'result',
        result: { ...base, attempt: null, outcome: 'succeeded', nextAttemptAt: null },
      };
    const sent = await this.sender.send(request, timeoutMs);
    const decision = decide(
      {
        previousAttempts: delivery.attempts,
        statusCode: sent.statusCode,
        succeeded: sent.errorKind === null,
        retryAfterHeader: sent.headers['retry-after'],
      },
      schedule,
      this.clock.now(),
      this.options.random,
    );
    return {
      kind: 'result',
      result: { ...base, attempt: toAttempt(claim, now, sent), ...decision },
    };
  }

  private async commit(result: AttemptResult, endpoint: Endpoint): Promise<void> {
    await this.writer.write(result);
    const a = result.attempt;
    const ids = {
      appId: endpoint.appId,
      endpointId: endpoint.id,
      deliveryId: result.deliveryId,
      messageId: a?.messageId,
    };
    if (result.outcome === 'failed') {
      this.logger.warn(
        { ...ids, status: a?.statusCode, errorKind: a?.errorKind },
        `delivery failed: ${a?.errorMessage ?? result.note}`,
      );
    } else if (result.outcome === 'retry') {
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
    this.events.onCommitted?.(result, endpoint);
  }
}

function toAttempt(claim: ClaimedDelivery, at: number, sent: SendResult): Omit<Attempt, 'id'> {
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
  };
}
