import { activeSecrets } from '../domain/secrets.js';
import type { Message } from '../domain/types.js';
import { standardWebhookHeaders } from '../signing/standard-webhooks.js';
import { checkOptions, PRIVACY_CHECKS } from './format-options.js';
import type { RenderInput, RenderedRequest, WireFormat } from './format.js';
import { privacyOf, redactPayloadText } from './privacy.js';

/** Standard Webhooks body: {"type","timestamp","data"}; the payload text is spliced in as is. */
export function standardBody(eventType: string, createdAt: number, payload: string): string {
  return `{"type":${JSON.stringify(eventType)},"timestamp":"${new Date(createdAt).toISOString()}","data":${payload}}`;
}

interface CachedBody {
  payload: string;
  eventType: string;
  createdAt: number;
  /** By privacy variant: sendName (1) | sendPhoto (2). */
  bodies: Array<string | undefined>;
}

/**
 * A message fans out to every endpoint subscribed to it, and a claim batch carries one object per
 * message for all of them: the body (redaction, timestamp, the payload spliced in) is built once
 * per message and privacy variant, not once per delivery. Only the signature is per endpoint.
 */
const cachedBodies = new WeakMap<Message, CachedBody>();

function bodyOf(message: Message, formatOptions: Record<string, unknown>): string {
  const privacy = privacyOf(formatOptions);
  const variant = (privacy.sendName ? 1 : 0) | (privacy.sendPhoto ? 2 : 0);
  let cached = cachedBodies.get(message);
  if (
    cached === undefined ||
    cached.payload !== message.payload ||
    cached.eventType !== message.eventType ||
    cached.createdAt !== message.createdAt
  ) {
    cached = {
      payload: message.payload,
      eventType: message.eventType,
      createdAt: message.createdAt,
      bodies: [],
    };
    cachedBodies.set(message, cached);
  }
  let body = cached.bodies[variant];
  if (body === undefined) {
    // User names/avatars in canonical events are hidden unless sendName/sendPhoto (privacy.ts).
    const payload = redactPayloadText(message.eventType, message.payload, privacy);
    body = standardBody(message.eventType, message.createdAt, payload);
    cached.bodies[variant] = body;
  }
  return body;
}

export const standardFormat: WireFormat = {
  name: 'standard',
  render({ message, endpoint, now }: RenderInput): RenderedRequest {
    const body = bodyOf(message, endpoint.formatOptions);
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
