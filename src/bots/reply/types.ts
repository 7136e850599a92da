import type { Violation } from '../violations/violation.js';

/** A bot reply after validation: defaults filled in, random texts picked, unknown fields dropped. */

export interface PostbackButton {
  type: 'postback';
  title: string;
  value: string;
}
export interface GotoButton {
  type: 'goto';
  title: string;
  value: string;
}
export interface UrlButton {
  type: 'url';
  title: string;
  value: string;
}
export interface WebviewButton {
  type: 'webview';
  title: string;
  value: string;
  height: 'full' | 'tall' | 'compact';
}
export interface PhoneButton {
  type: 'phone';
  title: string;
  value: string;
}

export type Button = PostbackButton | GotoButton | UrlButton | WebviewButton | PhoneButton;

export interface TextResponse {
  type: 'text';
  delay: number;
  message: string;
}
export interface ImageResponse {
  type: 'image';
  delay: number;
  imageUrl: string;
}
export interface QuickRepliesResponse {
  type: 'quickReplies';
  delay: number;
  title: string;
  buttons: (PostbackButton | GotoButton)[];
}
export interface CardElement {
  title: string;
  subtitle: string;
  imageUrl: string;
  buttons: Button[];
}
export interface CardsResponse {
  type: 'cards';
  delay: number;
  elements: CardElement[];
}
export interface ButtonsResponse {
  type: 'buttons';
  delay: number;
  title: string;
  buttons: Button[];
}

/** `randomText` never appears here: it has become the `text` that was picked. */
export type BotResponse =
  TextResponse | ImageResponse | QuickRepliesResponse | CardsResponse | ButtonsResponse;

export interface NormalizedReply {
  responses: BotResponse[];
  attributes: Record<string, unknown>;
}

export type ReplyValidation =
  { ok: true; reply: NormalizedReply } | { ok: false; violations: Violation[] };

/** Returns a number in [0, 1); Math.random by default, fixed in tests. */
export type RandomSource = () => number;
