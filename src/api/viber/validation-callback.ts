import { randomBytes } from 'node:crypto';
import type { HttpSender } from '../../delivery/http-sender.js';
import { viberRequest, viberWebhookCallback } from '../../formats/viber.js';

/** How long set_webhook waits for the webhook's 200 (Viber does not publish its own). */
export const VALIDATION_TIMEOUT_MS = 5000;

export interface ValidationResult {
  ok: boolean;
  reason: string | null;
}

/**
 * POSTs the signed `webhook` event to the URL; only an HTTP 200 within the timeout passes. The
 * message_token is a fresh random 63-bit integer, as Viber's are (and above 2^53 most of the time).
 */
export async function validateWebhookUrl(
  sender: HttpSender,
  url: string,
  authToken: string,
  nowMs: number,
  timeoutMs = VALIDATION_TIMEOUT_MS,
): Promise<ValidationResult> {
  const token = randomBytes(8).readBigUInt64BE() >> 1n;
  const request = viberRequest(url, viberWebhookCallback(nowMs, token), authToken);
  const sent = await sender.send(request, timeoutMs);
  if (sent.statusCode === 200) return { ok: true, reason: null };
  return { ok: false, reason: sent.errorMessage ?? `webhook answered HTTP ${sent.statusCode}` };
}
