import type { Logger } from 'pino';
import {
  OPERATIONAL_APP_UID,
  operationalEventsOf,
  type EndpointFacts,
  type OperationalEvent,
} from '../domain/operational-events.js';
import type { Endpoint } from '../domain/types.js';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import type { AttemptResult, RecordedResults, Store } from '../store/store.js';

/**
 * Operational webhooks: Hookline's own events (domain/operational-events.ts) become messages of the
 * operational app (uid `hookline-operational`, created by the operator), so its endpoints get them signed, retried and logged like any delivery.
 * They are accepted right after the change they report is committed: a crash in between loses that
 * event (the change itself is kept, and visible on the endpoint).
 */
export class OperationalWebhooks {
  /** Events being accepted, so that tests and shutdown can wait for them. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly failingAfter: number,
    private readonly idempotencyWindowMs: number,
  ) {}

  /** The operational app's id, or null while the operator has not created it. */
  private async appId(): Promise<string | null> {
    return (await this.store.getAppByUid(OPERATIONAL_APP_UID))?.id ?? null;
  }

  /** Resolves once every event reported so far is accepted (or failed and logged). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Reports a committed batch of results in the background (the dispatcher's `recorded` event). */
  report(results: readonly AttemptResult[], recorded: RecordedResults): void {
    const task = this.recorded(results, recorded)
      .catch((error: unknown) =>
        this.logger.error({ err: error }, 'operational events could not be made'),
      )
      .finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
  }

  /** What a committed batch of results reports. */
  async recorded(results: readonly AttemptResult[], recorded: RecordedResults): Promise<void> {
    const concerned = new Set<string>([
      ...recorded.disabled.map((d) => d.endpointId),
      ...recorded.health.map((t) => t.after.endpointId),
      ...results.filter((r) => r.outcome === 'failed').map((r) => r.endpointId),
    ]);
    if (concerned.size === 0) return;
    const appId = await this.appId();
    if (appId === null) return;
    const endpoints = await this.store.getEndpointsByIds([...concerned]);
    const facts = new Map<string, EndpointFacts>(
      endpoints.map((e) => [e.id, { appId: e.appId, url: e.url }]),
    );
    const events = operationalEventsOf(
      { results, health: recorded.health, disabled: recorded.disabled },
      facts,
      this.failingAfter,
      appId,
    );
    await this.send(appId, events);
  }

  /** An endpoint switched on or off through the API. */
  async switched(before: Endpoint, after: Endpoint): Promise<void> {
    if (before.disabled === after.disabled) return;
    const appId = await this.appId();
    if (appId === null || after.appId === appId) return;
    const about = { appId: after.appId, endpointId: after.id, url: after.url };
    const at = new Date(after.updatedAt).toISOString();
    await this.send(appId, [
      after.disabled
        ? {
            eventType: 'endpoint.disabled',
            payload: {
              ...about,
              reason: after.disabledReason ?? 'manual',
              disabledAt: new Date(after.disabledAt ?? after.updatedAt).toISOString(),
              failingSince: null,
            },
          }
        : { eventType: 'endpoint.enabled', payload: { ...about, enabledAt: at } },
    ]);
  }

  private async send(appId: string, events: OperationalEvent[]): Promise<void> {
    for (const event of events) {
      const now = this.clock.now();
      try {
        await this.store.insertMessage(
          {
            id: newId('msg', now),
            appId,
            eventType: event.eventType,
            payload: JSON.stringify(event.payload),
            idempotencyKey: null,
            endpointId: null,
            orderingKey: null,
            createdAt: now,
          },
          this.idempotencyWindowMs,
        );
      } catch (error) {
        this.logger.error(
          { err: error, eventType: event.eventType, endpoint: event.payload.endpointId },
          'an operational event could not be accepted',
        );
      }
    }
  }
}
