import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';

export const ErrorBody = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    details: Type.Array(
      Type.Object({ field: Type.Optional(Type.String()), message: Type.String() }),
    ),
  },
  { $id: 'Error' },
);

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

export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  404: ErrorBody,
};

/** A union of string literals that keeps its literal types. */
export function literals<const T extends readonly string[]>(
  values: T,
): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(values.map((v) => Type.Literal(v))) as never;
}
