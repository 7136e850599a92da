import { isBoolean, type OptionCheck } from './format-options.js';

/**
 * The Chat-API instance switches (page 003, "Additional Webhook Settings"). Each can be set on an
 * endpoint (formatOptions) and on its app (the instance settings); the endpoint's value wins, and
 * an unset switch is off, as on Chat-API.
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
export type ChatapiSwitches = Record<ChatapiSwitch, boolean>;

export const CHATAPI_SWITCH_CHECKS: Record<ChatapiSwitch, OptionCheck> = Object.fromEntries(
  CHATAPI_SWITCHES.map((name) => [name, isBoolean]),
) as Record<ChatapiSwitch, OptionCheck>;

/** The switches in force for an endpoint: its own settings over the app's instance settings. */
export function chatapiSwitches(
  endpointOptions: Record<string, unknown>,
  instance: Partial<Record<ChatapiSwitch, boolean>> = {},
): ChatapiSwitches {
  const out = {} as ChatapiSwitches;
  for (const name of CHATAPI_SWITCHES) {
    const own = endpointOptions[name];
    out[name] = typeof own === 'boolean' ? own : instance[name] === true;
  }
  return out;
}
