import type { AttemptResult } from '../store/store.js';

/** `2xx` … `5xx`; `none` when no response came (refused, timed out, ...); `not_sent` when nothing was sent. */
export function statusClassOf(result: AttemptResult): string {
  const attempt = result.attempt;
  if (attempt === null) return 'not_sent';
  const status = attempt.statusCode;
  if (status === null) return 'none';
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other';
}
