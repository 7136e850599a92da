import { disabledFields } from '../domain/endpoint-disabling.js';
import type { Endpoint } from '../domain/types.js';

/**
 * The endpoint as an update stores it: why and when it is disabled follow from its stored version
 * (kept while the flag stays, `manual` when switched off, cleared when switched on), whatever the
 * caller (API, Svix, Viber) passed. Only the store's own disabling sets another reason.
 */
export const withDisabledFields = (
  before: Pick<Endpoint, 'disabled' | 'disabledReason' | 'disabledAt'>,
  next: Endpoint,
): Endpoint => ({
  ...next,
  ...disabledFields(before, next.disabled, next.updatedAt),
});
