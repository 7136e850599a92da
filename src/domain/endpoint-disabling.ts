import type { EndpointHealthRecord } from './endpoint-health.js';
import type { DisabledReason, Endpoint } from './types.js';

/**
 * When Hookline switches an endpoint off by itself: its receiver answered `410 Gone` (Standard
 * Webhooks: the endpoint is gone for good), or it has failed without a single success for the
 * configured time (HOOKLINE_DISABLE_AFTER, 5 days by default as on Svix). A disabled endpoint's
 * deliveries are kept as `held` until someone enables it and asks for them.
 */

export const DEFAULT_DISABLE_AFTER_MS = 5 * 24 * 3_600_000;

/** The status that disables an endpoint at once. */
export const GONE_STATUS = 410;

/** An attempt answered `410 Gone`: the endpoint is disabled and the delivery held. */
export const isGone = (result: {
  outcome: string;
  attempt: { statusCode: number | null; test?: boolean } | null;
}): boolean => result.outcome !== 'succeeded' && result.attempt?.statusCode === GONE_STATUS;

/**
 * Whether an endpoint's counters say it has failed for too long: failing since `disableAfterMs`
 * ago or more, with no success since. `disableAfterMs` null: never disabled for failing.
 */
export function failingTooLong(
  health: Pick<EndpointHealthRecord, 'failingSince'>,
  now: number,
  disableAfterMs: number | null,
): boolean {
  return (
    disableAfterMs !== null &&
    health.failingSince !== null &&
    now - health.failingSince >= disableAfterMs
  );
}

/** An endpoint Hookline disabled while recording results. */
export interface DisabledEndpoint {
  appId: string;
  endpointId: string;
  reason: DisabledReason;
  at: number;
}

/**
 * The reason and time to keep for a `disabled` flag set by hand: unchanged while the flag is,
 * `manual` and now when it is switched off, cleared when it is switched on.
 */
export function disabledFields(
  current: Pick<Endpoint, 'disabled' | 'disabledReason' | 'disabledAt'> | null,
  disabled: boolean,
  now: number,
): Pick<Endpoint, 'disabledReason' | 'disabledAt'> {
  if (!disabled) return { disabledReason: null, disabledAt: null };
  if (current?.disabled)
    return { disabledReason: current.disabledReason, disabledAt: current.disabledAt };
  return { disabledReason: 'manual', disabledAt: now };
}
