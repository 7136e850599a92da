import { Kind, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import type { ErrorDetail } from '../../lib/errors.js';
import { canonicalEvent, canonicalEventTypes } from './catalog.js';
import { INT64_KIND } from './schema-kinds.js';

/** "/sender/id" -> "sender.id", "/campaign/groups/0" -> "campaign.groups[0]"; prefixed when given. */
export function pointerToField(pointer: string, prefix = ''): string {
  let field = prefix;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    field += /^\d+$/.test(part) ? `[${part}]` : field === '' ? part : `.${part}`;
  }
  return field;
}

function describe(error: ValueError): string {
  const schema = error.schema as TSchema & { enum?: unknown[]; anyOf?: TSchema[] };
  if (schema[Kind] === INT64_KIND) return 'must be an integer (up to 64 bits)';
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'is required';
    case ValueErrorType.ObjectAdditionalProperties:
      return 'is not a known field';
    case ValueErrorType.Union: {
      const literals = (schema.anyOf ?? []).map((s) => (s as { const?: unknown }).const);
      if (literals.length > 0 && literals.every((l) => typeof l === 'string'))
        return `must be one of ${literals.join(', ')}`;
      return error.message.charAt(0).toLowerCase() + error.message.slice(1);
    }
    case ValueErrorType.StringFormat:
      return `must be a valid ${String((schema as { format?: string }).format)}`;
    default:
      return error.message.charAt(0).toLowerCase() + error.message.slice(1);
  }
}

/** Schema errors, one per field (the first and most telling one), fields named from `prefix`. */
export function schemaErrors(schema: TSchema, value: unknown, prefix = ''): ErrorDetail[] {
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const error of Value.Errors(schema, value)) {
    const field = pointerToField(error.path, prefix) || prefix || '(root)';
    // A missing field also reports "Expected string"; a failed union also reports its members.
    if (
      [...seen].some((s) => s === field || field.startsWith(`${s}.`) || field.startsWith(`${s}[`))
    )
      continue;
    seen.add(field);
    details.push({ field, message: describe(error) });
  }
  return details;
}

/**
 * Checks `data` against the catalog schema of `type`; an empty list means valid. Fields are named
 * as JSON paths under `prefix` (the ingest route passes "data"), ready for a 400's details.
 */
export function validateEvent(type: string, data: unknown, prefix = ''): ErrorDetail[] {
  const definition = canonicalEvent(type);
  if (!definition) {
    return [
      { field: 'type', message: `unknown event type; one of ${canonicalEventTypes().join(', ')}` },
    ];
  }
  const errors = schemaErrors(definition.schema, data, prefix);
  if (errors.length > 0 || !definition.refine) return errors;
  return definition.refine(data as never).map((d) => ({
    field: prefix && d.field ? `${prefix}.${d.field}` : (d.field ?? prefix),
    message: d.message,
  }));
}

const compiled = new Map<string, TypeCheck<TSchema>>();

/** Fast yes/no for the delivery hot path (compiled once per event type). */
export function isValidEvent(type: string, data: unknown): boolean {
  const definition = canonicalEvent(type);
  if (!definition) return false;
  let check = compiled.get(type);
  if (!check) {
    check = TypeCompiler.Compile(definition.schema);
    compiled.set(type, check);
  }
  return check.Check(data) && (definition.refine?.(data as never).length ?? 0) === 0;
}
