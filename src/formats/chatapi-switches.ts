import { CHATAPI_SWITCHES, switchFor, type ChatapiSwitch } from '../domain/instance-settings.js';
import type { InstanceSettings } from '../domain/types.js';
import { isBoolean, type OptionCheck } from './format-options.js';

/**
 * The Chat-API instance switches (page 003, "Additional Webhook Settings") for rendering: an
 * endpoint's own setting over its app's instance settings; an unset switch is off, as on Chat-API.
 */
export type ChatapiSwitches = Record<ChatapiSwitch, boolean>;

export const CHATAPI_SWITCH_CHECKS: Record<ChatapiSwitch, OptionCheck> = Object.fromEntries(
  CHATAPI_SWITCHES.map((name) => [name, isBoolean]),
) as Record<ChatapiSwitch, OptionCheck>;

/** The switches in force for an endpoint: its own settings over the app's instance settings. */
export function chatapiSwitches(
  endpointOptions: Record<string, unknown>,
  instance: InstanceSettings = {},
): ChatapiSwitches {
  const out = {} as ChatapiSwitches;
  for (const name of CHATAPI_SWITCHES)
    out[name] = switchFor(name, endpointOptions, instance) === true;
  return out;
}
