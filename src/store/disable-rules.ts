import { failingTooLong, isGone } from '../domain/endpoint-disabling.js';
import type { HealthTransition } from '../domain/endpoint-health.js';
import type { DisabledReason } from '../domain/types.js';
import type { AttemptResult, RecordRules } from './store.js';

/**
 * The endpoints a committed batch of results disables, in endpoint id order: those answered
 * `410 Gone`, then those whose counters say they have failed for `disableAfterMs` without a
 * success. Read from the results and the health counters alone, never from the attempts.
 */
export function endpointsToDisable(
  results: readonly AttemptResult[],
  health: readonly HealthTransition[],
  now: number,
  rules: RecordRules,
): Array<{ endpointId: string; reason: DisabledReason }> {
  const gone = results.filter(isGone).map((r) => r.endpointId);
  return endpointsToDisableOf(gone, health, now, rules);
}

/** The same, from the endpoints that answered `410 Gone` (for results folded later). */
export function endpointsToDisableOf(
  gone: Iterable<string>,
  health: readonly HealthTransition[],
  now: number,
  rules: RecordRules,
): Array<{ endpointId: string; reason: DisabledReason }> {
  const out = new Map<string, DisabledReason>();
  for (const id of gone) out.set(id, 'gone');
  for (const { after } of health) {
    if (!out.has(after.endpointId) && failingTooLong(after, now, rules.disableAfterMs ?? null))
      out.set(after.endpointId, 'failing');
  }
  return [...out.keys()].sort().map((endpointId) => ({ endpointId, reason: out.get(endpointId)! }));
}
