import { VIBER_EVENTS, type ViberEvent } from '../../formats/viber.js';
import { viberError } from './status.js';

/** A checked set_webhook body. */
export interface SetWebhookRequest {
  /** "" removes the webhook. */
  url: string;
  /** null = omitted = every event. */
  eventTypes: ViberEvent[] | null;
  sendName: boolean;
  sendPhoto: boolean;
}

/** Viber refuses bodies above 30 KB with badData. */
export const SET_WEBHOOK_BODY_LIMIT = 30 * 1024;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function flag(body: Record<string, unknown>, name: string): boolean {
  const value = body[name];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw viberError('badData', `${name} must be a boolean`);
  return value;
}

function eventTypes(value: unknown): ViberEvent[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) throw viberError('badData', 'event_types must be an array');
  const unknown = value.filter(
    (v) => typeof v !== 'string' || !VIBER_EVENTS.includes(v as ViberEvent),
  );
  if (unknown.length > 0)
    throw viberError('badData', `unknown event_types ${unknown.map(String).join(', ')}`);
  return [...new Set(value as ViberEvent[])];
}

/** Checks the parsed body: missing url is missingData, anything malformed is badData. */
export function parseSetWebhook(body: unknown): SetWebhookRequest {
  if (!isRecord(body)) throw viberError('badData', 'body must be a JSON object');
  if (body.url === undefined || body.url === null)
    throw viberError('missingData', 'url is required');
  if (typeof body.url !== 'string') throw viberError('badData', 'url must be a string');
  return {
    url: body.url.trim(),
    eventTypes: eventTypes(body.event_types),
    sendName: flag(body, 'send_name'),
    sendPhoto: flag(body, 'send_photo'),
  };
}

/** What the webhook will receive: the given events plus the mandatory ones, or all when omitted. */
export function effectiveEventTypes(given: ViberEvent[] | null): ViberEvent[] {
  if (given === null) return [...VIBER_EVENTS];
  const mandatory: ViberEvent[] = ['message', 'subscribed', 'unsubscribed'];
  return [...given, ...mandatory.filter((m) => !given.includes(m))];
}

/** https only, unless the development switch allows http. */
export function webhookUrlProblem(url: string, allowHttp: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not an absolute URL';
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && allowHttp) return null;
  return allowHttp
    ? 'only http(s) URLs are allowed'
    : 'only https URLs are allowed (HOOKLINE_VIBER_ALLOW_HTTP allows http in development)';
}
