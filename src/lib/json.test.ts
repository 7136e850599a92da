import fc from 'fast-check';
import { isSafeNumber, parse, stringify } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import {
  assertJsonDepth,
  JsonLimitError,
  MAX_JSON_DEPTH,
  parseJsonLossless,
  stringifyJson,
} from './json.js';

/** The reference: lossless-json, with integers beyond 2^53 as bigint (what json.ts must equal). */
const reference = (text: string) =>
  parse(text, null, (n) =>
    isSafeNumber(n) ? Number(n) : /^-?\d+$/.test(n) ? BigInt(n) : Number(n),
  );

const bigints = fc.oneof(
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 80n }),
  fc.bigInt({ min: -(2n ** 80n), max: -(2n ** 53n) }),
);
/** JSON values with unsafe integers among them, and strings that look like numbers or marks. */
const { value: jsonWithBigInts } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    bigints,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string(),
    fc.constantFrom('12345678901234567890', '\u000012345678901234567', 'a\u0000b', '\\u0000'),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
  ),
}));

describe('parseJsonLossless', () => {
  it('reads integers beyond 2^53 as bigint, everything else as JSON.parse does', () => {
    const text =
      '{"message_token":5741311803571721000,"small":12,"f":1.5,"e":1e3,"neg":-9007199254740993,"edge":9007199254740991,"list":[12345678901234567890,"12345678901234567890"],"s":"9007199254740993 in a string"}';
    expect(parseJsonLossless(text)).toEqual({
      message_token: 5741311803571721000n,
      small: 12,
      f: 1.5,
      e: 1000,
      neg: -9007199254740993n,
      edge: 9007199254740991,
      list: [12345678901234567890n, '12345678901234567890'],
      s: '9007199254740993 in a string',
    });
    expect(parseJsonLossless('12345678901234567890')).toBe(12345678901234567890n);
  });

  it('tells a string that ends in escaped backslashes or holds escaped quotes from what follows it', () => {
    const text = String.raw`{"s":"x\\","t":12345678901234567890,"u":"\"12345678901234567891\\\"","v":[12345678901234567892]}`;
    expect(parseJsonLossless(text)).toEqual({
      s: 'x\\',
      t: 12345678901234567890n,
      u: '"12345678901234567891\\"',
      v: [12345678901234567892n],
    });
  });

  it('equals the lossless-json reference on any JSON with long integers', () => {
    fc.assert(
      fc.property(jsonWithBigInts, (value) => {
        const text = stringify(value) as string;
        expect(parseJsonLossless(text)).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a "__proto__" key holding a long integer as a plain property', () => {
    const value = parseJsonLossless('{"__proto__":12345678901234567890}') as object;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBe(12345678901234567890n);
  });

  it('refuses what JSON.parse refuses, with its message about the text as sent', () => {
    for (const text of [
      '{"a":01234567890123456789}',
      '{"a":12345678901234567890,}',
      '{"a":12345678901234567890 "b":1}',
      '[12345678901234567890',
    ]) {
      let expected = '';
      try {
        JSON.parse(text);
      } catch (error) {
        expected = (error as Error).message;
      }
      expect(expected).not.toBe('');
      expect(() => parseJsonLossless(text)).toThrow(expected);
    }
  });
});

describe('numbers beyond a 64-bit float', () => {
  const huge = `1${'0'.repeat(320)}.5`;

  it('are refused, whether or not the text also holds integers beyond 2^53', () => {
    for (const text of [
      '{"a":1e309}',
      '[-1E+400]',
      `{"a":${huge}}`,
      '{"token":12345678901234567890,"x":1e999}',
      `{"token":12345678901234567890,"x":[${huge}]}`,
      '{"token":12345678901234567890,"x":"\\u0000","y":2e400}',
      // A long mantissa with a two-digit exponent.
      `[1${'0'.repeat(250)}e99]`,
      `[1${'0'.repeat(250)}.5e99]`,
      `{"n":-1${'0'.repeat(250)}E+99}`,
    ])
      expect(() => parseJsonLossless(text), text).toThrow(
        new JsonLimitError('a number is too large (beyond a 64-bit float)'),
      );
  });

  it('are not seen in strings, nor in large numbers that fit', () => {
    expect(parseJsonLossless('{"s":"1e999","n":1e308}')).toEqual({ s: '1e999', n: 1e308 });
    expect(parseJsonLossless(`{"t":12345678901234567890,"s":"${huge}","n":1.5e-400}`)).toEqual({
      t: 12345678901234567890n,
      s: huge,
      n: 0,
    });
    // An integer of 330 digits is exact, not Infinity.
    expect(parseJsonLossless(`[${'9'.repeat(330)}]`)).toEqual([BigInt('9'.repeat(330))]);
  });
});

describe('assertJsonDepth', () => {
  it('refuses nesting past the limit, and counts no bracket inside a string', () => {
    const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    expect(() => assertJsonDepth(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => assertJsonDepth(nested(MAX_JSON_DEPTH + 1))).toThrow(JsonLimitError);
    expect(() => assertJsonDepth(`{"a":"${'{['.repeat(500)}"}`)).not.toThrow();
    expect(() => assertJsonDepth(`[${'{"a":'.repeat(101)}1${'}'.repeat(101)}]`)).toThrow(
      JsonLimitError,
    );
  });
});

describe('stringifyJson', () => {
  it('writes bigints as plain integers', () => {
    expect(stringifyJson({ t: 5741311803571721000n, s: 'x', n: [1, -12345678901234567890n] })).toBe(
      '{"t":5741311803571721000,"s":"x","n":[1,-12345678901234567890]}',
    );
  });

  it('round-trips through parseJsonLossless', () => {
    fc.assert(
      fc.property(jsonWithBigInts, (value) => {
        const text = stringifyJson(value);
        expect(stringifyJson(parseJsonLossless(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
