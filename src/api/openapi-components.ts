/**
 * Named schemas in the OpenAPI document. A TypeBox schema with an `$id` becomes a component of
 * that name wherever @fastify/swagger meets it nested in a route schema, but a route's body or
 * response that *is* such a schema would be inlined. So, for the document only, each named
 * root is wrapped in a one-member `allOf` (making it nested), and the finished document unwraps
 * `{ allOf: [{ $ref }] }` back to the plain `{ $ref }`.
 */
type Schema = Record<string, unknown>;

const isObject = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nested = (schema: unknown): unknown =>
  isObject(schema) && typeof schema.$id === 'string' ? { allOf: [schema] } : schema;

/** The route schema as documented: named body and response roots nested. */
export function withNamedRoots(own: Schema): Schema {
  const response = isObject(own.response)
    ? Object.fromEntries(Object.entries(own.response).map(([status, s]) => [status, nested(s)]))
    : own.response;
  return { ...own, body: nested(own.body), response };
}

/** Replaces each `{ allOf: [{ $ref }] }` left by withNamedRoots with the `{ $ref }` itself. */
export function unwrapSingleRefs<T>(node: T): T {
  if (Array.isArray(node)) return node.map(unwrapSingleRefs) as T;
  if (!isObject(node)) return node;
  const keys = Object.keys(node);
  const only = Array.isArray(node.allOf) && node.allOf.length === 1 ? node.allOf[0] : null;
  if (keys.length === 1 && isObject(only) && Object.keys(only).length === 1 && only.$ref)
    return only as T;
  return Object.fromEntries(keys.map((key) => [key, unwrapSingleRefs(node[key])])) as T;
}
