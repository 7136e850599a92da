import {
  Type,
  type Static,
  type TArray,
  type TLiteral,
  type TObject,
  type TUnion,
} from '@sinclair/typebox';
import { codesWithStatus, type CodeWithStatus, type ErrorStatus } from '../../lib/error-codes.js';

const ErrorDetails = Type.Array(
  Type.Object({ field: Type.Optional(Type.String()), message: Type.String() }),
);

/**
 * The error body a route answers with `status`: `code` is one of `codes` (by default every code the
 * catalogue answers with that status), and the OpenAPI response lists them.
 */
export function errorBody<S extends ErrorStatus>(
  status: S,
  codes: readonly CodeWithStatus<S>[] = codesWithStatus(status),
  details: TArray<TObject> = ErrorDetails,
) {
  return Type.Object(
    {
      code: Type.Unsafe<CodeWithStatus<S>>({ type: 'string', enum: [...codes] }),
      message: Type.String(),
      details,
    },
    { description: `Error: ${codes.map((code) => `\`${code}\``).join(', ')}` },
  );
}

export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 250, default: 50 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400 })),
});
export type PageQueryT = Static<typeof PageQuery>;

export const pageOf = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({ data: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const Metadata = Type.Record(
  Type.String({ minLength: 1, maxLength: 64 }),
  Type.String({ maxLength: 1024 }),
  {
    maxProperties: 50,
  },
);

export const AppParams = Type.Object({ appId: Type.String({ minLength: 1, maxLength: 64 }) });
export const EndpointParams = Type.Object({
  appId: Type.String({ minLength: 1, maxLength: 64 }),
  endpointId: Type.String({ minLength: 1, maxLength: 64 }),
});

export const IsoDate = Type.String({ format: 'date-time' });

/** The errors every authenticated route may answer. */
export const errorResponses = {
  400: errorBody(400, ['invalid_request', 'invalid_json']),
  401: errorBody(401, ['unauthorized']),
  403: errorBody(403, ['portal_forbidden']),
  404: errorBody(404),
};

/** A union of string literals that keeps its literal types. */
export function literals<const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  ) as never;
}
