import { isSafeNumber, parse, stringify } from 'lossless-json';

// A run of 16+ digits is the only way a JSON number can exceed 2^53; skip the slow parser otherwise.
const LONG_DIGITS = /\d{16,}/;

function parseNumber(text: string): number | bigint {
  if (isSafeNumber(text)) return Number(text);
  if (/^-?\d+$/.test(text)) return BigInt(text);
  return Number(text);
}

/** How deep JSON read from outside may nest: deeper documents are refused, never recursed into. */
export const MAX_JSON_DEPTH = 100;

/** Why a JSON text was refused before or after parsing (not a syntax error). */
export class JsonLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonLimitError';
  }
}

const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Throws JsonLimitError when arrays and objects nest deeper than `max`, counted on the text (strings
 * skipped), so a 10,000-level document never reaches a recursive parser, validator or serializer.
 */
export function assertJsonDepth(text: string, max = MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > max)
        throw new JsonLimitError(`nested deeper than ${max} levels (the nesting limit)`);
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) depth--;
  }
}

// Only a long digit run or an exponent can overflow to Infinity (1e309).
const MAY_OVERFLOW = /\d[eE][+-]?\d{3}|\d{300}/;

function assertFinite(value: unknown): void {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new JsonLimitError('a number is too large (beyond a 64-bit float)');
  if (value !== null && typeof value === 'object')
    for (const key in value as Record<string, unknown>)
      assertFinite((value as Record<string, unknown>)[key]);
}

/**
 * JSON.parse that keeps integers above 2^53 exact (as bigint). Refuses, with JsonLimitError,
 * documents nested deeper than MAX_JSON_DEPTH and numbers that overflow to Infinity.
 */
export function parseJsonLossless(text: string): unknown {
  assertJsonDepth(text);
  const value = LONG_DIGITS.test(text) ? parse(text, null, parseNumber) : JSON.parse(text);
  if (MAY_OVERFLOW.test(text)) assertFinite(value);
  return value;
}

function hasBigInt(value: unknown): boolean {
  if (typeof value === 'bigint') return true;
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasBigInt);
  for (const key in value as Record<string, unknown>) {
    if (hasBigInt((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** JSON.stringify that writes bigint values as plain JSON integers. */
export function stringifyJson(value: unknown): string {
  if (!hasBigInt(value)) return JSON.stringify(value);
  return stringify(value) as string;
}
