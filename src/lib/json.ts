import { isSafeNumber, parse, stringify } from 'lossless-json';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from './json-chars.js';
import { scanNumbers } from './json-number-scan.js';

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

/**
 * Throws JsonLimitError when arrays and objects nest deeper than `max`, counted on the text (strings
 * skipped), so a 10,000-level document never reaches a recursive parser, validator or serializer.
 */
export function assertJsonDepth(text: string, max = MAX_JSON_DEPTH): void {
  if (fewOpenings(text, max)) return;
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

/** At most `max` arrays and objects opened in all (strings counted too): none can nest deeper. */
function fewOpenings(text: string, max: number): boolean {
  let count = 0;
  for (const opening of ['{', '[']) {
    for (let at = text.indexOf(opening); at !== -1; at = text.indexOf(opening, at + 1))
      if (++count > max) return false;
  }
  return true;
}

// Without a 16-digit run, only an exponent of three digits or more can overflow to Infinity (1e309).
const LARGE_EXPONENT = /\d[eE][+-]?\d{3}/;

const TOO_LARGE = () => new JsonLimitError('a number is too large (beyond a 64-bit float)');

function assertFinite(value: unknown): void {
  if (typeof value === 'number' && !Number.isFinite(value)) throw TOO_LARGE();
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
  if (LONG_DIGITS.test(text)) return parseWithBigInts(text);
  const value: unknown = JSON.parse(text);
  if (LARGE_EXPONENT.test(text)) assertFinite(value);
  return value;
}

/**
 * parseJsonLossless for a text with a long digit run: each integer literal beyond 2^53 (outside
 * strings) is rewritten as a string, U+0000 then its digits, the text parsed natively, and those
 * strings turned into bigints; faster than a parser written in JavaScript. JSON text can spell
 * U+0000 only as the escape `\u0000`: without one, no string of its own can pass for a rewritten
 * number. Numbers of any other form read as JSON.parse reads them.
 */
function parseWithBigInts(text: string): unknown {
  if (text.includes('\\u0000')) {
    const value = parse(text, null, parseNumber);
    assertFinite(value);
    return value;
  }
  // Valid JSON first (or JSON.parse's own error): the scan below relies on well-formed tokens.
  const lossy: unknown = JSON.parse(text);
  const { unsafe, overflows } = scanNumbers(text);
  if (overflows) throw TOO_LARGE();
  return unsafe.length === 0 ? lossy : withBigInts(text, unsafe);
}

/** The text parsed with the integer literals at `unsafe` (start, end pairs) as bigints. */
function withBigInts(text: string, unsafe: number[]): unknown {
  let rewritten = '';
  let copied = 0;
  for (let k = 0; k < unsafe.length; k += 2) {
    rewritten += `${text.slice(copied, unsafe[k])}"\\u0000${text.slice(unsafe[k], unsafe[k + 1])}"`;
    copied = unsafe[k + 1]!;
  }
  return reviveBigInts(JSON.parse(rewritten + text.slice(copied)));
}

function reviveBigInts(value: unknown): unknown {
  if (typeof value === 'string') return value.charCodeAt(0) === 0 ? BigInt(value.slice(1)) : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveBigInts(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const revived = reviveBigInts(item);
    if (revived === item) continue;
    // A "__proto__" key is JSON.parse's own property: defined, since assigning would not keep it.
    if (key === '__proto__')
      Object.defineProperty(record, key, {
        value: revived,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    else record[key] = revived;
  }
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
