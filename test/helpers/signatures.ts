import { Webhook } from 'standardwebhooks';
import type { ReceivedRequest } from './receiver.js';

/**
 * The signatures in a request's webhook-signature header, and whether `secret` made one of them,
 * computed by the independent standardwebhooks library at the request's own timestamp (so fake
 * clock times far from now can be checked too; `verify` would reject them as too old/new).
 */
export function signedBy(secret: string, req: ReceivedRequest): boolean {
  const id = String(req.headers['webhook-id']);
  const timestamp = new Date(Number(req.headers['webhook-timestamp']) * 1000);
  const expected = new Webhook(secret).sign(id, timestamp, req.body);
  return signaturesOf(req).includes(expected);
}

export function signaturesOf(req: ReceivedRequest): string[] {
  return String(req.headers['webhook-signature'] ?? '')
    .split(' ')
    .filter(Boolean);
}
