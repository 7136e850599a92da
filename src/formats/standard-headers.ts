import { activeSecrets } from '../domain/secrets.js';
import { standardWebhookHeaders, type StandardHeaders } from '../signing/standard-webhooks.js';
import type { RenderInput } from './format.js';

/**
 * Standard Webhooks headers (webhook-id = message id, so receivers can de-duplicate) for formats
 * whose platform defines no signature of its own: routee, chatapi, compose.
 */
export function standardHeadersFor(
  { message, endpoint, now }: RenderInput,
  body: string | null,
): StandardHeaders {
  return standardWebhookHeaders(
    activeSecrets(endpoint, now),
    message.id,
    Math.floor(now / 1000),
    body ?? '',
  );
}
