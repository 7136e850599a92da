import { assertJsonDepth } from '../../lib/json.js';
import type { InvocationFailure } from '../../lib/error-codes.js';
import type { BotSendResult } from '../bot-sender.js';
import type { NormalizedReply, RandomSource } from '../reply/types.js';
import { validateReply } from '../reply/validate-reply.js';
import type { Violation } from '../violations/violation.js';

/**
 * A failed invocation, as the caller gets it: a code (answered 422 by the catalogue: the call was
 * handled, the receiver's answer was not usable), words, and violations.
 */
export interface ReplyFailure {
  code: InvocationFailure;
  message: string;
  violations: Violation[];
}

export type ReplyReading =
  { ok: true; reply: NormalizedReply } | { ok: false; failure: ReplyFailure };

const fail = (
  code: InvocationFailure,
  message: string,
  violations: Violation[] = [],
): ReplyReading => ({
  ok: false,
  failure: { code, message, violations },
});

/**
 * Reads what the receiver answered, in this order: no answer (timeout, unreachable), a non-2xx
 * status, a body over the limit, a body that is not JSON, a reply that breaks the schema.
 */
export function readReply(
  sent: BotSendResult,
  limits: { timeoutMs: number; replyLimitBytes: number },
  random: RandomSource,
): ReplyReading {
  if (sent.errorKind === 'timeout')
    return fail('reply_timeout', `the receiver did not answer within ${limits.timeoutMs} ms`);
  if (sent.statusCode === null) {
    return fail(
      'receiver_unreachable',
      `could not reach the receiver: ${sent.errorMessage ?? 'connection failed'}`,
    );
  }
  if (sent.statusCode < 200 || sent.statusCode > 299) {
    return fail(
      'receiver_status',
      // ChatBot's words for it (its connections API example): a receiver's users know them.
      `Request failed with status code ${sent.statusCode}`,
    );
  }
  if (sent.bodyTruncated)
    return fail('reply_too_large', `the reply is larger than ${limits.replyLimitBytes} bytes`);
  let body: unknown;
  try {
    assertJsonDepth(sent.body);
    body = JSON.parse(sent.body);
  } catch (error) {
    const what =
      sent.body.trim() === '' ? 'an empty body' : `not JSON (${(error as Error).message})`;
    return fail('reply_not_json', `the reply is ${what}`);
  }
  const checked = validateReply(body, random);
  if (!checked.ok) {
    const [first] = checked.violations;
    const more =
      checked.violations.length > 1 ? ` (and ${checked.violations.length - 1} more)` : '';
    return fail(
      'reply_invalid',
      `the reply is not valid: ${first.message}${more}`,
      checked.violations,
    );
  }
  return { ok: true, reply: checked.reply };
}
