import { activeSecrets } from '../domain/secrets.js';
import { standardWebhookHeaders } from '../signing/standard-webhooks.js';
import { checkOptions, PRIVACY_CHECKS } from './format-options.js';
import type { RenderInput, RenderedRequest, WireFormat } from './format.js';
import { privacyOf, redactPayloadText } from './privacy.js';

/** Standard Webhooks body: {"type","timestamp","data"}; the payload text is spliced in as is. */
export function standardBody(eventType: string, createdAt: number, payload: string): string {
  return `{"type":${JSON.stringify(eventType)},"timestamp":"${new Date(createdAt).toISOString()}","data":${payload}}`;
}

export const standardFormat: WireFormat = {
  name: 'standard',
  render({ message, endpoint, now }: RenderInput): RenderedRequest {
    // User names/avatars in canonical events are hidden unless sendName/sendPhoto (privacy.ts).
    const payload = redactPayloadText(
      message.eventType,
      message.payload,
      privacyOf(endpoint.formatOptions),
    );
    const body = standardBody(message.eventType, message.createdAt, payload);
    const signed = standardWebhookHeaders(
      activeSecrets(endpoint, now),
      message.id,
      Math.floor(now / 1000),
      body,
    );
    return {
      method: 'POST',
      url: endpoint.url,
      headers: { ...endpoint.headers, 'content-type': 'application/json', ...signed },
      body,
    };
  },
  validateOptions: (options) => checkOptions(options, PRIVACY_CHECKS),
};
