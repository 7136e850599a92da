import type { Endpoint, InstanceSettings } from './types.js';

/**
 * Chat-API "Additional Webhook Settings" (page 003): switches of an instance. An app holds them as
 * its instance settings; an endpoint of format `chatapi` may set each one itself (formatOptions),
 * and its own value wins. Unset is off, as on Chat-API.
 */
export const CHATAPI_SWITCHES = [
  'ackNotificationsOn',
  'chatUpdateOn',
  'statusNotificationsOn',
  'videoUploadOn',
  'guaranteedHooks',
  'parallelHooks',
] as const;

export type ChatapiSwitch = (typeof CHATAPI_SWITCHES)[number];

/** A switch as in force for an endpoint: its own value, else the app's, else undefined (unset). */
export function switchFor(
  name: ChatapiSwitch,
  endpointOptions: Record<string, unknown>,
  instance: InstanceSettings,
): boolean | undefined {
  const own = endpointOptions[name];
  return typeof own === 'boolean' ? own : instance[name];
}

/**
 * What guaranteedHooks and parallelHooks do to a `chatapi` endpoint: "up to 20 attempts" or one
 * (the chatapi-guaranteed / chatapi-single presets), hooks "all at once" (parallel) or queued
 * (serial). Unset on both the endpoint and the app, the endpoint's own settings stand.
 */
export function withInstanceSwitches(endpoint: Endpoint, instance: InstanceSettings): Endpoint {
  if (endpoint.format !== 'chatapi') return endpoint;
  const guaranteed = switchFor('guaranteedHooks', endpoint.formatOptions, instance);
  const parallel = switchFor('parallelHooks', endpoint.formatOptions, instance);
  return {
    ...endpoint,
    ...(guaranteed === undefined
      ? {}
      : { retryPolicy: { preset: guaranteed ? 'chatapi-guaranteed' : 'chatapi-single' } }),
    ...(parallel === undefined ? {} : { ordering: parallel ? 'parallel' : 'serial' }),
  };
}
