import { isSafeNumber, parse, stringify } from 'lossless-json';

// A run of 16+ digits is the only way a JSON number can exceed 2^53; skip the slow parser otherwise.
const LONG_DIGITS = /\d{16,}/;

function parseNumber(text: string): number | bigint {
  if (isSafeNumber(text)) return Number(text);
  if (/^-?\d+$/.test(text)) return BigInt(text);
  return Number(text);
}

/** JSON.parse that keeps integers above 2^53 exact (as bigint). */
export function parseJsonLossless(text: string): unknown {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text);
  return parse(text, null, parseNumber);
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
