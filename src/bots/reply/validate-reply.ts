import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import { BotReply } from './responses.js';
import { explain } from '../violations/explain-errors.js';
import type { BotResponse, NormalizedReply, RandomSource, ReplyValidation } from './types.js';

const checker = TypeCompiler.Compile(BotReply);

type Parsed = { responses?: ParsedResponse[]; attributes?: Record<string, unknown> };
type ParsedResponse = BotResponse | { type: 'randomText'; delay: number; messages: string[] };

/** `randomText` becomes the `text` it picked; `random` returns a number in [0, 1). */
function pick(response: ParsedResponse, random: RandomSource): BotResponse {
  if (response.type !== 'randomText') return response;
  const { messages, delay } = response;
  const index = Math.min(messages.length - 1, Math.floor(random() * messages.length));
  return { type: 'text', delay, message: messages[index] };
}

/**
 * Checks a receiver's reply against ChatBot's reply schema. A valid reply comes back normalised
 * (unknown fields dropped, `delay` and webview `height` defaulted, random texts picked); an
 * invalid one comes back with every violation, each named by path and limit.
 */
export function validateReply(body: unknown, random: RandomSource = Math.random): ReplyValidation {
  if (!checker.Check(body)) return { ok: false, violations: [...explain(checker.Errors(body))] };
  const parsed = Value.Default(BotReply, Value.Clean(BotReply, Value.Clone(body))) as Parsed;
  const reply: NormalizedReply = {
    responses: (parsed.responses ?? []).map((r) => pick(r, random)),
    attributes: parsed.attributes ?? {},
  };
  return { ok: true, reply };
}
