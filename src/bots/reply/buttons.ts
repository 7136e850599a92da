import { Type, type TSchema } from '@sinclair/typebox';
import { PHONE_PATTERN, UUID_V4_PATTERN } from '../violations/patterns.js';

/**
 * Button schemas of a bot reply, with ChatBot's exact limits. String lengths are JavaScript string
 * lengths (UTF-16 code units), so an emoji counts as two: never looser than a channel's own limit.
 */

const text = (minLength: number, maxLength: number) => Type.String({ minLength, maxLength });

export const PostbackButton = Type.Object({
  type: Type.Literal('postback'),
  title: text(1, 20),
  value: text(1, 2000),
});

export const GotoButton = Type.Object({
  type: Type.Literal('goto'),
  title: text(1, 20),
  value: Type.String({ pattern: UUID_V4_PATTERN }),
});

export const UrlButton = Type.Object({
  type: Type.Literal('url'),
  title: text(0, 20),
  value: text(0, 2048),
});

export const WEBVIEW_HEIGHTS = ['full', 'tall', 'compact'] as const;

export const WebviewButton = Type.Object({
  type: Type.Literal('webview'),
  title: text(1, 20),
  value: text(1, 2048),
  height: Type.Optional(
    Type.Union(
      WEBVIEW_HEIGHTS.map((h) => Type.Literal(h)),
      { default: 'compact' },
    ),
  ),
});

export const PhoneButton = Type.Object({
  type: Type.Literal('phone'),
  title: text(1, 20),
  value: Type.String({ minLength: 3, maxLength: 16, pattern: PHONE_PATTERN }),
});

/** Quick replies only jump: postback or goto. */
export const QuickReplyButton = Type.Union([PostbackButton, GotoButton]);

/** Cards and button responses take every button type. */
export const AnyButton = Type.Union([
  PostbackButton,
  GotoButton,
  UrlButton,
  WebviewButton,
  PhoneButton,
]);

export const buttonList = (button: TSchema, maxItems: number) =>
  Type.Array(button, { minItems: 1, maxItems });
