import { HooklineApiError } from '../../../src/client/api-error';

/** The API's message for an error, for an error state or a form's banner. */
export function errorMessage(error: unknown): string {
  if (error instanceof HooklineApiError) return `${error.message} (${error.code})`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * The API's field errors keyed by field path (`url`, `retryPolicy.waitsMs`, ...): a form shows
 * each next to its input. Details without a field stay in the banner.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof HooklineApiError)) return {};
  const byField: Record<string, string> = {};
  for (const detail of error.details) {
    if (!detail.field) continue;
    const field = detail.field.replace(/^body[./]?/, '').replace(/\[\d+\]/g, '');
    byField[field] ??= detail.message;
  }
  return byField;
}

export const isUnauthorized = (error: unknown): boolean =>
  error instanceof HooklineApiError && error.status === 401;

/** The bot API, called with the admin token and no app named. */
export const isAppKeyRequired = (error: unknown): boolean =>
  error instanceof HooklineApiError && error.code === 'app_key_required';
