import type { Logger } from 'pino';
import { OPERATIONAL_APP_UID } from '../domain/operational-events.js';
import type { Endpoint } from '../domain/types.js';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import type { OutboxEvent, Store } from '../store/store.js';

/**
 * The idempotency key of the message an outbox event becomes: an event made a message twice (a
 * crash between the insert and the outbox delete, two nodes) is inserted once. Outbox ids are
 * never reused, so a key always means one event.
 */
export const outboxMessageKey = (outboxId: number): string => `hookline-outbox-${outboxId}`;

export interface OperationalWebhooksOptions {
  idempotencyWindowMs: number;
  /** How long a claimed outbox event is this process's to send before another may take it. */
  leaseMs?: number;
  /** Outbox events claimed at a time. */
  batchSize?: number;
  /** How often the outbox is swept for what no wake-up announced (another node's, a failed pass). */
  sweepMs?: number;
}

/**
 * Operational webhooks: Hookline's own events (domain/operational-events.ts) become messages of the
 * operational app (uid `hookline-operational`, created by the operator), so its endpoints get them
 * signed, retried and logged like any delivery.
 *
 * The store writes each event to the operational outbox in the same transaction as the change it
 * reports (results, endpoint updates): a crash keeps both or neither. This class turns outbox rows
 * into messages, with an idempotency key made from the row's id, then deletes the rows: after a
 * crash the leftovers are sent at start, once.
 */
export class OperationalWebhooks {
  private running: Promise<void> | null = null;
  /** A wake-up that came during a pass: one more pass follows, so no event waits for the sweep. */
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly sweepMs: number;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: OperationalWebhooksOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 100;
    this.sweepMs = options.sweepMs ?? 30_000;
  }

  /** Sends what the outbox holds now (a crash's leftovers), then sweeps it now and then. */
  start(): void {
    this.wake();
    if (this.timer) return;
    this.timer = setInterval(() => this.wake(), this.sweepMs);
    this.timer.unref();
  }

  /** Stops sweeping and waits for the pass under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.settled();
  }

  /** The outbox may hold events (a change was committed): sends them in the background. */
  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.passes().finally(() => {
      this.running = null;
    });
  }

  /**
   * An endpoint update was committed: when it switched the endpoint on or off, the store wrote
   * `endpoint.enabled` or `endpoint.disabled` to the outbox with it.
   */
  switched(before: Pick<Endpoint, 'disabled'>, after: Pick<Endpoint, 'disabled'>): void {
    if (before.disabled !== after.disabled) this.wake();
  }

  /** Resolves once every event in the outbox so far is a message (or failed and was logged). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async passes(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.drain();
      } catch (error) {
        this.logger.error({ err: error }, 'operational events could not be sent; retried later');
      }
    } while (this.again);
  }

  /** Claims outbox events batch by batch, makes each a message, and deletes those done. */
  private async drain(): Promise<void> {
    for (;;) {
      const events = await this.store.claimOperationalEvents(
        this.clock.now(),
        this.batchSize,
        this.leaseMs,
      );
      if (events.length === 0) return;
      // Deleted since: its events have nowhere to go.
      const appId = (await this.store.getAppByUid(OPERATIONAL_APP_UID))?.id ?? null;
      const done: number[] = [];
      for (const event of events) {
        if (appId === null || (await this.accept(appId, event))) done.push(event.id);
      }
      await this.store.deleteOperationalEvents(done);
      // The others stay claimed until their lease ends: a later sweep tries them again.
      if (done.length < events.length) return;
    }
  }

  private async accept(appId: string, event: OutboxEvent): Promise<boolean> {
    const now = this.clock.now();
    try {
      await this.store.insertMessage(
        {
          id: newId('msg', now),
          appId,
          eventType: event.eventType,
          payload: event.payload,
          idempotencyKey: outboxMessageKey(event.id),
          endpointId: null,
          orderingKey: null,
          createdAt: now,
        },
        this.options.idempotencyWindowMs,
      );
      return true;
    } catch (error) {
      this.logger.error(
        { err: error, eventType: event.eventType, outboxId: event.id },
        'an operational event could not be accepted; retried later',
      );
      return false;
    }
  }
}
