type Parameter = { in?: string; required?: boolean; schema?: { default?: unknown } };
type Operation = { parameters?: Parameter[] };

/**
 * A query parameter with a default is optional: the server fills it in. @fastify/swagger marks
 * every property of a query schema's `required` list as required, defaults or not, which made
 * typed clients pass `limit` on every list call.
 */
export function defaultsAreOptional<T extends { paths?: unknown }>(document: T): T {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const item of Object.values(paths))
    for (const operation of Object.values(item))
      for (const parameter of operation?.parameters ?? [])
        if (parameter.in === 'query' && parameter.schema?.default !== undefined)
          parameter.required = false;
  return document;
}
