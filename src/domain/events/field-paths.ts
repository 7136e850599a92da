import type { TSchema } from '@sinclair/typebox';
import { canonicalEvents } from './catalog.js';

/** Every dotted field path a schema defines, objects included: "sender", "sender.name", ... */
export function fieldPaths(schema: TSchema, prefix = ''): string[] {
  const properties = (schema as { properties?: Record<string, TSchema> }).properties;
  if (schema.type !== 'object' || !properties) return [];
  const paths: string[] = [];
  for (const [key, child] of Object.entries(properties)) {
    const path = prefix ? `${prefix}.${key}` : key;
    paths.push(path, ...fieldPaths(child, path));
  }
  return paths;
}

let cached: Set<string> | undefined;

/** The union of field paths over the whole catalog (what compose templates may refer to). */
export function canonicalFieldPaths(): ReadonlySet<string> {
  cached ??= new Set(canonicalEvents().flatMap((d) => fieldPaths(d.schema)));
  return cached;
}
