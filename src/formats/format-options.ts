import type { ErrorDetail } from '../lib/errors.js';

/** Save-time checks of an endpoint's formatOptions; fields are relative to formatOptions (the API prefixes them). */
export type OptionCheck = (value: unknown) => string | null;

export const isBoolean: OptionCheck = (v) => (typeof v === 'boolean' ? null : 'must be a boolean');

export const isShortString =
  (max = 256): OptionCheck =>
  (v) =>
    typeof v === 'string' && v.length > 0 && v.length <= max
      ? null
      : `must be a non-empty string of at most ${max} characters`;

export function checkOptions(
  options: Record<string, unknown>,
  checks: Record<string, OptionCheck>,
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const [key, value] of Object.entries(options)) {
    const check = checks[key];
    if (!check) {
      details.push({
        field: key,
        message: `unknown option; known: ${Object.keys(checks).join(', ')}`,
      });
      continue;
    }
    const problem = value === undefined ? null : check(value);
    if (problem) details.push({ field: key, message: problem });
  }
  return details;
}

/** sendName / sendPhoto: every format accepts them (see privacy.ts). */
export const PRIVACY_CHECKS: Record<string, OptionCheck> = {
  sendName: isBoolean,
  sendPhoto: isBoolean,
};
