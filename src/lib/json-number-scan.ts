import { BACKSLASH, DOT, LOWER_E, MINUS, NINE, PLUS, QUOTE, UPPER_E, ZERO } from './json-chars.js';

/** What one pass over valid JSON text finds among its numbers (strings skipped). */
export interface NumberScan {
  /** Start and end offsets, in pairs, of the integer literals beyond 2^53. */
  unsafe: number[];
  /** A number literal that reads as Infinity (beyond a 64-bit float), not an integer. */
  overflows: boolean;
}

/** Where the string opened at `open` ends (its closing quote), or the text's end; found natively. */
function closingQuote(text: string, open: number): number {
  for (let at = text.indexOf('"', open + 1); at !== -1; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return text.length;
}

/** Scans valid JSON (JSON.parse accepted it), so every number token it meets is well formed. */
export function scanNumbers(text: string): NumberScan {
  const unsafe: number[] = [];
  let overflows = false;
  const end = text.length;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = closingQuote(text, i);
    else if (c === MINUS || (c >= ZERO && c <= NINE)) {
      const start = i;
      let integer = true;
      let exponentDigits = -1;
      for (i++; i < end; i++) {
        const d = text.charCodeAt(i);
        if (d >= ZERO && d <= NINE) {
          if (exponentDigits >= 0) exponentDigits++;
        } else if (d === LOWER_E || d === UPPER_E) {
          integer = false;
          exponentDigits = 0;
        } else if (d === DOT) integer = false;
        else if (d !== PLUS && d !== MINUS) break;
      }
      // An integer beyond 2^53 becomes a bigint, never Infinity. Any other literal can overflow
      // only with an exponent or with 309+ digits; Number() tells exactly.
      if (integer) {
        if (i - start >= 16 && !Number.isSafeInteger(Number(text.slice(start, i))))
          unsafe.push(start, i);
      } else if (
        (exponentDigits >= 0 || i - start >= 300) &&
        !Number.isFinite(Number(text.slice(start, i)))
      )
        overflows = true;
      i--;
    }
  }
  return { unsafe, overflows };
}
