import { newId, newWebhookSecret } from '../lib/ids.js';
import { withInstanceSwitches } from './instance-settings.js';
import { DEFAULT_RETRY_POLICY } from './retry-policy.js';
import { disabledFields } from './endpoint-disabling.js';
import type { Endpoint, InstanceSettings } from './types.js';

export const DEFAULT_MAX_CONCURRENCY = 50;

/** The settings an endpoint is created with when none are given. */
export type EndpointSettings = Omit<
  Endpoint,
  'id' | 'appId' | 'url' | 'secrets' | 'createdAt' | 'updatedAt' | 'disabledReason' | 'disabledAt'
>;

export function endpointDefaults(): EndpointSettings {
  return {
    uid: null,
    description: '',
    disabled: false,
    filterTypes: null,
    headers: {},
    timeoutMs: null,
    retryPolicy: DEFAULT_RETRY_POLICY,
    ordering: 'parallel',
    orderingKeyPath: null,
    filter: null,
    propagateTraceContext: true,
    maxConcurrency: DEFAULT_MAX_CONCURRENCY,
    rateLimit: null,
    format: 'standard',
    formatOptions: {},
    metadata: {},
    verification: null,
  };
}

export interface NewEndpointInput extends Partial<EndpointSettings> {
  appId: string;
  url: string;
  /** The first signing secret; a new one when not given. */
  secret?: string;
  /** The app's Chat-API instance settings: a `chatapi` endpoint follows the switches it does not set. */
  instanceSettings?: InstanceSettings;
}

export interface NewEndpoint {
  endpoint: Endpoint;
  /** Its signing secret, shown once to whoever created it. */
  secret: string;
}

/**
 * The one way an endpoint comes to be (API, Viber set_webhook, test endpoints, seeding): a new id,
 * the defaults for every setting not given, the app's instance switches, and its first signing
 * secret. Checking the settings against the formats is the caller's (api/endpoint-input.ts).
 */
export function newEndpoint(input: NewEndpointInput, now: number): NewEndpoint {
  const { appId, url, secret: given, instanceSettings = {}, ...settings } = input;
  const secret = given ?? newWebhookSecret();
  const endpoint = withInstanceSwitches(
    {
      ...endpointDefaults(),
      ...settings,
      ...disabledFields(null, settings.disabled ?? false, now),
      id: newId('ep', now),
      appId,
      url,
      secrets: [{ secret, createdAt: now, expiresAt: null }],
      createdAt: now,
      updatedAt: now,
    },
    instanceSettings,
  );
  return { endpoint, secret };
}

/** Settings a change may set; the id, app, secrets and times are the endpoint's own. */
export type EndpointChanges = Partial<
  Omit<Endpoint, 'id' | 'appId' | 'secrets' | 'createdAt' | 'disabledReason' | 'disabledAt'>
>;

/**
 * An endpoint with changes applied (PATCH): the app's instance switches still hold, since they
 * follow the format and options the changes may set. Switching it off by hand marks it `manual`;
 * switching it on clears why and when it was disabled.
 */
export function changedEndpoint(
  current: Endpoint,
  changes: EndpointChanges,
  instanceSettings: InstanceSettings,
  now: number,
): Endpoint {
  return withInstanceSwitches(
    {
      ...current,
      ...changes,
      ...disabledFields(current, changes.disabled ?? current.disabled, now),
      updatedAt: now,
    },
    instanceSettings,
  );
}
