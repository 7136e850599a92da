import { newEndpoint } from '../../domain/new-endpoint.js';
import type { Endpoint } from '../../domain/types.js';
import type { ViberEvent } from '../../formats/viber.js';
import type { TargetRules } from '../../delivery/target-rules.js';
import { HooklineError, notFound } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned-update.js';
import type { Store } from '../../store/store.js';
import { assertValidEndpoint } from '../endpoint-input.js';

/**
 * The one Viber webhook of an app is an ordinary endpoint (format `viber`) marked in its metadata,
 * so it shows in the endpoint API, retries like any other and is filtered by its event types.
 * A removed webhook (`set_webhook` with `url: ""`) stays as a disabled endpoint marked `removed`,
 * with its deliveries and attempts; the next set_webhook makes a new endpoint.
 */
export const VIBER_WEBHOOK_MARK = 'hookline.viberWebhook';
export const VIBER_WEBHOOK_REMOVED_AT = 'hookline.viberWebhookRemovedAt';

/** Viber event names -> the canonical types they come from (delivered/seen/failed are all message.status). */
const CANONICAL: Record<ViberEvent, string> = {
  message: 'message.received',
  delivered: 'message.status',
  seen: 'message.status',
  failed: 'message.status',
  subscribed: 'subscription.subscribed',
  unsubscribed: 'subscription.unsubscribed',
  conversation_started: 'conversation.started',
};

export function filterTypesFor(events: ViberEvent[]): string[] {
  return [...new Set(events.map((e) => CANONICAL[e]))];
}

export async function findViberWebhook(store: Store, appId: string): Promise<Endpoint | null> {
  let cursor: string | null = null;
  do {
    const page = await store.listEndpoints(appId, { limit: 250, cursor });
    const found = page.data.find((e) => e.metadata[VIBER_WEBHOOK_MARK] === 'true');
    if (found) return found;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return null;
}

/**
 * set_webhook with an empty URL: the webhook stops receiving (the endpoint is disabled, so no new
 * deliveries are made and pending ones are held, unsent) and is no longer the app's webhook, but
 * the endpoint stays with its deliveries and attempts. Returns it, or null when there was none.
 */
export async function removeViberWebhook(
  store: Store,
  appId: string,
  now: number,
  onSaved: WebhookSaved = () => {},
): Promise<Endpoint | null> {
  const read = await findViberWebhook(store, appId);
  if (!read) return null;
  return changeEndpointIn(
    store,
    read,
    now,
    (current, updatedAt) => ({
      ...current,
      disabled: true,
      description: `Viber webhook, removed by /pa/set_webhook at ${new Date(now).toISOString()}`,
      metadata: {
        ...current.metadata,
        [VIBER_WEBHOOK_MARK]: 'removed',
        [VIBER_WEBHOOK_REMOVED_AT]: new Date(now).toISOString(),
      },
      updatedAt,
    }),
    onSaved,
  ).catch((error: unknown) => {
    if (error instanceof HooklineError && error.code === 'not_found') return null;
    throw error;
  });
}

/**
 * Told of a committed change of the webhook endpoint, as it was and as it is now (switching it on
 * or off wrote endpoint.enabled/endpoint.disabled to the operational outbox).
 */
export type WebhookSaved = (before: Endpoint, after: Endpoint) => void;

/** A conditional read-modify-write of the endpoint (lib/versioned-update.ts). */
const changeEndpointIn = async (
  store: Store,
  endpoint: Endpoint,
  now: number,
  change: (current: Endpoint, updatedAt: number) => Endpoint,
  onSaved: WebhookSaved,
): Promise<Endpoint> => {
  let before = endpoint;
  const saved = await updateVersioned({
    read: endpoint,
    reread: () => store.getEndpoint(endpoint.appId, endpoint.id),
    change: (current, updatedAt) => {
      before = current;
      return change(current, updatedAt);
    },
    write: (next, expectedUpdatedAt) => store.updateEndpoint(next, expectedUpdatedAt),
    now: () => now,
    missing: () => notFound('endpoint', endpoint.id),
  });
  onSaved(before, saved);
  return saved;
};

export interface WebhookSettings {
  url: string;
  /** Effective Viber event names (mandatory ones included). */
  events: ViberEvent[];
  sendName: boolean;
  sendPhoto: boolean;
}

/** Creates the app's Viber webhook endpoint or replaces the settings of the existing one. */
export async function saveViberWebhook(
  store: Store,
  appId: string,
  settings: WebhookSettings,
  now: number,
  targets: TargetRules,
  onSaved: WebhookSaved = () => {},
): Promise<Endpoint> {
  const formatOptions = {
    sendName: settings.sendName,
    sendPhoto: settings.sendPhoto,
    eventTypes: settings.events,
  };
  const filterTypes = filterTypesFor(settings.events);
  const read = await findViberWebhook(store, appId);
  if (read) {
    return changeEndpointIn(
      store,
      read,
      now,
      (current, updatedAt) => {
        const next: Endpoint = {
          ...current,
          url: settings.url,
          disabled: false,
          format: 'viber',
          formatOptions,
          filterTypes,
          updatedAt,
        };
        assertValidEndpoint(next, targets);
        return next;
      },
      onSaved,
    );
  }
  const { endpoint } = newEndpoint(
    {
      appId,
      url: settings.url,
      description: 'Viber webhook (set by /pa/set_webhook)',
      format: 'viber',
      formatOptions,
      filterTypes,
      metadata: { [VIBER_WEBHOOK_MARK]: 'true' },
    },
    now,
  );
  assertValidEndpoint(endpoint, targets);
  return store.createEndpoint(endpoint);
}
