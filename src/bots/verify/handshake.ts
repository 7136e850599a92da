import { randomBytes } from 'node:crypto';
import type { HandshakeFailure } from '../../lib/error-codes.js';
import type { BotSender } from '../bot-sender.js';
import { receiverRequest, type ReceiverTarget } from '../outgoing-request.js';

export type HandshakeResult = { ok: true } | { ok: false; code: HandshakeFailure; reason: string };

/** A challenge is short: a longer answer is wrong anyway. */
const ANSWER_CAP_BYTES = 1024;

export const newChallenge = (): string => randomBytes(16).toString('hex');

function excerpt(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}...` : text);
}

/**
 * ChatBot's verification: `GET url?challenge=<random>&token=<token>` (token only when set, with the
 * connection's headers and Basic auth). The receiver must answer 200 with the challenge as the
 * body; surrounding whitespace is ignored.
 */
export async function verifyReceiver(
  sender: BotSender,
  target: ReceiverTarget,
  timeoutMs: number,
  challenge = newChallenge(),
): Promise<HandshakeResult> {
  const url = new URL(target.url);
  url.searchParams.set('challenge', challenge);
  if (target.token !== null) url.searchParams.set('token', target.token);
  const sent = await sender.send(
    receiverRequest(target, 'GET', url.toString(), null),
    timeoutMs,
    ANSWER_CAP_BYTES,
  );
  if (sent.errorKind === 'timeout') {
    return {
      ok: false,
      code: 'verification_timeout',
      reason: `the receiver did not answer the verification within ${timeoutMs} ms`,
    };
  }
  if (sent.statusCode === null) {
    return {
      ok: false,
      code: 'verification_unreachable',
      reason: `could not reach the receiver: ${sent.errorMessage ?? 'connection failed'}`,
    };
  }
  if (sent.statusCode !== 200) {
    return {
      ok: false,
      code: 'verification_status',
      reason: `the receiver answered the verification with HTTP ${sent.statusCode}; expected 200 with the challenge as the body`,
    };
  }
  if (sent.bodyTruncated || sent.body.trim() !== challenge) {
    return {
      ok: false,
      code: 'verification_wrong_body',
      reason: `the receiver answered 200 but its body ${excerpt(sent.body)} is not the challenge ${excerpt(challenge)}`,
    };
  }
  return { ok: true };
}
