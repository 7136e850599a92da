import { WebhookVerificationError } from './errors.js';

/** A received request as any framework can give it: the exact body bytes, headers and URL. */
export interface WebhookRequest {
  body: string | Uint8Array;
  headers: Headers | Record<string, string | string[] | undefined>;
  /** The request URL or path with its query (Viber's `?sig=`). */
  url?: string;
}

/** What a verifier returns for a webhook it accepted. */
export interface VerifiedWebhook {
  scheme: 'standard-webhooks' | 'viber' | 'signature-header';
  /** The exact body text that was signed. */
  body: string;
  /** The body parsed as JSON (undefined when it is not JSON; large integers lose precision). */
  payload: unknown;
  /** `webhook-id` (Standard Webhooks only): the same on every retry, to de-duplicate. */
  id?: string;
  /** `webhook-timestamp` in seconds (Standard Webhooks only). */
  timestamp?: number;
}

export interface WebhookVerifier {
  /** Returns the verified webhook or throws WebhookVerificationError. */
  verify(request: WebhookRequest): VerifiedWebhook;
}

export const bodyBytes = (body: string | Uint8Array): Buffer =>
  typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);

export function headerValue(headers: WebhookRequest['headers'], name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function')
    return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The header's value, or a `missing_header` error naming it. */
export function requireHeader(headers: WebhookRequest['headers'], ...names: string[]): string {
  for (const name of names) {
    const value = headerValue(headers, name);
    if (value !== undefined && value !== '') return value;
  }
  throw new WebhookVerificationError(
    'missing_header',
    `missing header ${names[0]}${names.length > 1 ? ` (or ${names.slice(1).join(', ')})` : ''}`,
    names[0],
  );
}

export function verified(
  scheme: VerifiedWebhook['scheme'],
  body: Buffer,
  extra: Pick<VerifiedWebhook, 'id' | 'timestamp'> = {},
): VerifiedWebhook {
  const text = body.toString('utf8');
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    payload = undefined;
  }
  return { scheme, body: text, payload, ...extra };
}
