import { Type } from '@sinclair/typebox';
import { AnyButton, QuickReplyButton, buttonList } from './buttons.js';

/** Response schemas of a bot reply, with ChatBot's exact limits (see buttons.ts on lengths). */

export const DEFAULT_DELAY_MS = 1000;

const delay = Type.Optional(
  Type.Number({ minimum: 100, maximum: 10000, default: DEFAULT_DELAY_MS }),
);
const text = (minLength: number, maxLength: number) => Type.String({ minLength, maxLength });

export const TextResponse = Type.Object({
  type: Type.Literal('text'),
  delay,
  message: text(1, 1024),
});

export const RandomTextResponse = Type.Object({
  type: Type.Literal('randomText'),
  delay,
  messages: Type.Array(text(1, 1024), { minItems: 1, maxItems: 20 }),
});

export const ImageResponse = Type.Object({
  type: Type.Literal('image'),
  delay,
  imageUrl: text(1, 2048),
});

export const QuickRepliesResponse = Type.Object({
  type: Type.Literal('quickReplies'),
  delay,
  title: text(1, 640),
  buttons: buttonList(QuickReplyButton, 13),
});

export const CardElement = Type.Object({
  title: text(1, 80),
  subtitle: text(1, 80),
  imageUrl: text(1, 2048),
  buttons: buttonList(AnyButton, 5),
});

export const CardsResponse = Type.Object({
  type: Type.Literal('cards'),
  delay,
  // ChatBot gives no count; an empty carousel shows nothing, so at least one card.
  elements: Type.Array(CardElement, { minItems: 1 }),
});

export const ButtonsResponse = Type.Object({
  type: Type.Literal('buttons'),
  delay,
  title: text(1, 640),
  buttons: buttonList(AnyButton, 5),
});

export const AnyResponse = Type.Union([
  TextResponse,
  RandomTextResponse,
  ImageResponse,
  QuickRepliesResponse,
  CardsResponse,
  ButtonsResponse,
]);

/** What a connection's receiver answers: bot responses, attributes, or both (or neither). */
export const BotReply = Type.Object({
  responses: Type.Optional(Type.Array(AnyResponse)),
  attributes: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
