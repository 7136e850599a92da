import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { BotConnection } from '../../domain/bots.js';
import { explain } from '../violations/explain-errors.js';
import { ROOT_PATH } from '../violations/json-path.js';
import type { Violation } from '../violations/violation.js';

const id = Type.String({ minLength: 1, maxLength: 256 });
const optionalText = Type.Optional(Type.String({ maxLength: 256 }));
const Attributes = Type.Record(Type.String(), Type.Unknown());

/** What the bot engine sends to `/invoke`: ChatBot's webhook request body. */
export const ChatContextBody = Type.Object({
  chatId: id,
  messageId: id,
  userId: id,
  externalId: optionalText,
  node: Type.Optional(
    Type.Object({
      id: optionalText,
      name: optionalText,
      type: Type.Optional(Type.Literal('WEBHOOK')),
      webhookId: optionalText,
      webhookName: optionalText,
    }),
  ),
  userAttributes: Type.Optional(Attributes),
  attributes: Type.Optional(Attributes),
});

/** The body POSTed to the receiver: ChatBot's shape, `node` naming this connection. */
export interface ChatContext {
  chatId: string;
  messageId: string;
  userId: string;
  externalId: string | null;
  node: {
    id: string | null;
    name: string | null;
    type: 'WEBHOOK';
    webhookId: string;
    webhookName: string;
  };
  userAttributes: Record<string, unknown>;
  attributes: Record<string, unknown>;
}

const checker = TypeCompiler.Compile(ChatContextBody);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const withoutNulls = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));

export type ChatContextResult =
  { ok: true; context: ChatContext } | { ok: false; violations: Violation[] };

/**
 * Checks the chat context and fills in what Hookline knows: `node.type` is WEBHOOK and
 * `node.webhookId`/`webhookName` are this connection's id and name. Unknown fields are dropped.
 */
export function readChatContext(
  raw: unknown,
  connection: Pick<BotConnection, 'id' | 'name'>,
): ChatContextResult {
  if (!isObject(raw)) {
    return {
      ok: false,
      violations: [
        {
          path: ROOT_PATH,
          limit: 'an object',
          message: 'the chat context ($) must be a JSON object',
        },
      ],
    };
  }
  const body = withoutNulls(raw);
  if (isObject(body.node)) body.node = withoutNulls(body.node);
  if (!checker.Check(body)) return { ok: false, violations: [...explain(checker.Errors(body))] };
  const node = (body.node ?? {}) as { id?: string; name?: string };
  return {
    ok: true,
    context: {
      chatId: body.chatId as string,
      messageId: body.messageId as string,
      userId: body.userId as string,
      externalId: (body.externalId as string | undefined) ?? null,
      node: {
        id: node.id ?? null,
        name: node.name ?? null,
        type: 'WEBHOOK',
        webhookId: connection.id,
        webhookName: connection.name,
      },
      userAttributes: (body.userAttributes as Record<string, unknown> | undefined) ?? {},
      attributes: (body.attributes as Record<string, unknown> | undefined) ?? {},
    },
  };
}
