import { HooklineError, invalidField } from '../../lib/errors.js';

/**
 * Svix fields Hookline has no equivalent for: null or absent is fine, a value is a 422 naming the
 * field (silently dropping it would change behaviour behind the caller's back).
 */
export function refuseUnsupported(body: Record<string, unknown>, fields: Record<string, string>) {
  for (const [field, why] of Object.entries(fields)) {
    const value = body[field];
    if (value !== undefined && value !== null)
      throw invalidField(field, `not supported by Hookline: ${why}`);
  }
}

/** A Svix operation Hookline does not serve (see docs/svix-compatibility.md). */
export const notSupported = (what: string, why: string) =>
  new HooklineError(
    'not_supported',
    `${what} is not supported by Hookline's Svix-compatible API: ${why}`,
  );
