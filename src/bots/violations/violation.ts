import type { ErrorCode } from '../../lib/error-codes.js';
import { HooklineError, type ErrorDetail } from '../../lib/errors.js';

/** One broken rule, e.g. `responses[0].buttons[2].title` / `1-20 characters`. */
export interface Violation {
  path: string;
  limit: string;
  message: string;
}

/** An error detail that also names the limit on its own. */
export type ViolationDetail = ErrorDetail & { field: string; limit: string };

export const violationDetails = (violations: Violation[]): ViolationDetail[] =>
  violations.map((v) => ({ field: v.path, message: v.message, limit: v.limit }));

/** Every violation as one error: `{code, message, details: [{field, message, limit}]}`. */
export function violationsError(
  what: string,
  violations: Violation[],
  code: ErrorCode = 'invalid_request',
): HooklineError {
  const first = violations[0]?.message ?? 'invalid';
  const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : '';
  return new HooklineError(code, `${what}: ${first}${more}`, violationDetails(violations));
}
