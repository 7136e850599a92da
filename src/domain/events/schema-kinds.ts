import { FormatRegistry, Kind, Type, TypeRegistry, type TUnsafe } from '@sinclair/typebox';

/**
 * Schema building blocks the event catalog shares. Payloads are parsed with parseJsonLossless,
 * so an integer above 2^53 arrives as a bigint: the Int64 kind accepts both representations.
 */
// Signed or unsigned 64-bit: tokens are never negative, and some platforms use the full unsigned range.
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 64n - 1n;

function isInt64(schema: { minimum?: number }, value: unknown): boolean {
  let big: bigint;
  if (typeof value === 'bigint') big = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) big = BigInt(value);
  else return false;
  if (big < INT64_MIN || big > INT64_MAX) return false;
  return schema.minimum === undefined || big >= BigInt(schema.minimum);
}

TypeRegistry.Set('Int64', (schema: { minimum?: number }, value) => isInt64(schema, value));

// RFC 3339 date-time, as the platforms write it (fractional seconds up to microseconds and beyond).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
FormatRegistry.Set(
  'date-time',
  (value) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
);
FormatRegistry.Set('uri', (value) => {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
});

export const INT64_KIND = 'Int64';

/** A JSON integer of up to 64 bits: a number when safe, a bigint above 2^53. */
export const Int64 = (
  options: { description?: string; minimum?: number } = {},
): TUnsafe<number | bigint> =>
  Type.Unsafe<number | bigint>({
    [Kind]: INT64_KIND,
    type: 'integer',
    format: 'int64',
    ...options,
  });

export const DateTime = (description: string) => Type.String({ format: 'date-time', description });

export const Uri = (description: string) =>
  Type.String({ format: 'uri', maxLength: 2048, description });

/** Short identifiers and names: never empty, bounded. */
export const Text = (description: string, maxLength = 256) =>
  Type.String({ minLength: 1, maxLength, description });

const OptionalText = (description: string, maxLength = 256) =>
  Type.Optional(Type.String({ maxLength, description }));

/**
 * A platform user as Viber describes one (sender of a message, subscriber, ...), with the user
 * record of the business-messaging client (page 001: username, first_name, ..., user_info).
 */
export const UserProfile = Type.Object(
  {
    id: Text('Platform user id (Viber: base64 id; business messaging: user id)'),
    name: Type.String({
      maxLength: 256,
      description: 'Display name; replaced by a placeholder unless sendName',
    }),
    avatar: Type.Optional(Uri('Avatar URL; replaced by a placeholder unless sendPhoto')),
    content_personalization: Type.Optional(
      Type.Boolean({
        description:
          'false: the user disallowed Content Personalization (Viber privacy settings), so names and photos are placeholders whatever sendName/sendPhoto say',
      }),
    ),
    country: Type.Optional(
      Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code' }),
    ),
    language: Type.Optional(
      Type.String({ minLength: 2, maxLength: 35, description: 'BCP 47 language tag' }),
    ),
    api_version: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Highest API version the client supports' }),
    ),
    phone: Type.Optional(Text('Phone number with country code, when the platform knows it', 32)),
    username: OptionalText('Business messaging: user name (defaults to name); a name'),
    first_name: OptionalText('Business messaging: first name; a name'),
    middle_name: OptionalText('Business messaging: middle name; a name'),
    last_name: OptionalText('Business messaging: last name; a name'),
    email: OptionalText('Business messaging: e-mail address'),
    gender: OptionalText('Business messaging: user_info.gender', 64),
    title: OptionalText('Business messaging: user_info.title', 64),
    identifier_id: OptionalText('Business messaging: identifier id'),
    subscriber_id: OptionalText('Business messaging: subscriber id'),
    identity: OptionalText('Business messaging: user identity'),
    attributes: OptionalText('Business messaging: user attributes', 4096),
  },
  { additionalProperties: false },
);

/** Fields every platform event may carry to say where it came from. */
export const origin = {
  channel: Type.Optional(Text('Messaging channel, e.g. viber (the default)', 64)),
  account_id: Type.Optional(Text('The business side: bot, sender id or business number')),
  chat_hostname: Type.Optional(
    Text('Platform host that produced the event (Viber chat_hostname)', 128),
  ),
};
