import { Type } from '@sinclair/typebox';
import { ChatContextBody } from '../../bots/invoke/chat-context.js';
import {
  CreateConnectionBody,
  UpdateConnectionBody,
} from '../../bots/connections/connection-input.js';
import { BotReply } from '../../bots/reply/responses.js';
import {
  codesWithStatus,
  HANDSHAKE_ERRORS,
  type CodeWithStatus,
  type ErrorStatus,
  type HandshakeFailure,
} from '../../lib/error-codes.js';
import { errorBody, IsoDate } from './common.js';

/** Schemas of the bot connection API (ChatBot's /v2/integrations/webhook), for docs and replies. */

export { ChatContextBody, CreateConnectionBody, UpdateConnectionBody };

const BotErrorDetails = Type.Array(
  Type.Object({
    field: Type.Optional(Type.String()),
    message: Type.String(),
    limit: Type.Optional(
      Type.String({ description: 'The rule that was broken, e.g. "1-20 characters"' }),
    ),
  }),
);

/** An error of the bot API: its details may name the broken `limit`. */
export const botErrorBody = <S extends ErrorStatus>(
  status: S,
  codes: readonly CodeWithStatus<S>[] = codesWithStatus(status),
) => errorBody(status, codes, BotErrorDetails);

export const botErrorResponses = {
  400: botErrorBody(400, ['invalid_request', 'invalid_json']),
  401: botErrorBody(401),
  403: botErrorBody(403),
  404: botErrorBody(404),
};

const handshakeFailures = Object.keys(HANDSHAKE_ERRORS) as HandshakeFailure[];

/** Saving a connection may also fail its verification handshake. */
export const botSaveErrorResponses = {
  ...botErrorResponses,
  400: botErrorBody(400, ['invalid_request', 'invalid_json', ...handshakeFailures]),
};

export const ConnectionParams = Type.Object({
  id: Type.String({ description: '24 hex characters' }),
});

const Story = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'The story name given with storyName; its id until then' }),
});

export const ConnectionSummary = Type.Object(
  {
    id: Type.String(),
    story: Story,
    name: Type.String(),
    url: Type.String(),
    error: Type.Union([Type.String(), Type.Literal(false)], {
      description: 'The last invocation failure, in words; false while healthy',
    }),
    createdAt: IsoDate,
    updatedAt: IsoDate,
  },
  { $id: 'ConnectionSummary' },
);

export const ConnectionOut = Type.Object(
  {
    id: Type.String(),
    story: Story,
    name: Type.String(),
    url: Type.String(),
    token: Type.Union([Type.String(), Type.Null()]),
    headers: Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()]),
    auth: Type.Union([
      Type.Object({ username: Type.String(), password: Type.String() }),
      Type.Null(),
    ]),
    timeoutMs: Type.Union([Type.Integer(), Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()], {
      description: 'The last invocation failure, in words; null while healthy',
    }),
    createdAt: IsoDate,
    updatedAt: IsoDate,
  },
  { $id: 'Connection' },
);

const status = (code: number, type: string) =>
  Type.Object({ code: Type.Literal(code), type: Type.Literal(type) });

export const ConnectionCreated = Type.Object({
  id: Type.String(),
  timestamp: IsoDate,
  status: status(201, 'created'),
});
export const ConnectionSaved = Type.Object({ timestamp: IsoDate, status: status(200, 'success') });

export const InvocationOut = Type.Object(
  {
    id: Type.String(),
    connectionId: Type.String(),
    at: IsoDate,
    latencyMs: Type.Integer(),
    statusCode: Type.Union([Type.Integer(), Type.Null()]),
    outcome: Type.String({ description: 'ok, or the error code the caller got' }),
    error: Type.Union([Type.String(), Type.Null()]),
    messageId: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Invocation' },
);

export const InvocationPage = Type.Object({
  data: Type.Array(InvocationOut),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** Not in ChatBot's API: lets the admin token act for one app (an app key may name only its own). */
const appIdQuery = {
  appId: Type.Optional(
    Type.String({ description: 'With the admin token: the app whose connections to use' }),
  ),
};
export const AppIdQuery = Type.Object(appIdQuery);

export const InvocationQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 250, default: 50 })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400 })),
  ...appIdQuery,
});

/** The normalised reply (see BotReply for what receivers may send) and the invocation. */
export const InvokeResult = Type.Object(
  {
    responses: Type.Array(Type.Unknown(), {
      description: 'Normalised: defaults filled in, randomText picked as text',
    }),
    attributes: Type.Record(Type.String(), Type.Unknown()),
    invocation: InvocationOut,
  },
  { $id: 'InvokeResult' },
);

export { BotReply };
