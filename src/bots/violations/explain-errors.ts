import { Kind, type TSchema } from '@sinclair/typebox';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { describeLimit, literalChoices, oneOf } from './describe-limit.js';
import { pointerToPath } from './json-path.js';
import type { Violation } from './violation.js';

/** The discriminator every response and button carries. */
const TAG = 'type';

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function found(error: ValueError): string {
  const { value } = error;
  switch (error.type) {
    case ValueErrorType.StringMinLength:
    case ValueErrorType.StringMaxLength:
      return `${(value as string).length} characters`;
    case ValueErrorType.StringPattern: {
      const text = value as string;
      return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);
    }
    case ValueErrorType.ArrayMinItems:
    case ValueErrorType.ArrayMaxItems:
      return `${(value as unknown[]).length} items`;
    case ValueErrorType.ObjectMinProperties:
    case ValueErrorType.ObjectMaxProperties:
      return `${Object.keys(value as object).length} entries`;
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.NumberMaximum:
      return String(value);
    case ValueErrorType.Literal:
      return JSON.stringify(value);
    default:
      return kindOf(value);
  }
}

function violation(pointer: string, limit: string, message: (path: string) => string): Violation {
  const path = pointerToPath(pointer);
  return { path, limit, message: message(path) };
}

function fromError(error: ValueError): Violation {
  const limit = describeLimit(error.schema);
  if (error.type === ValueErrorType.ObjectRequiredProperty) {
    return violation(error.path, limit, (path) => `${path} is required (${limit})`);
  }
  return violation(error.path, limit, (path) => `${path} must be ${limit}, got ${found(error)}`);
}

/** The `type` literal of each variant of a tagged union, or null when the union is not tagged. */
function tagsOf(schema: TSchema): string[] | null {
  const variants = (schema.anyOf ?? []) as TSchema[];
  const tags = variants.map((v) => (v[Kind] === 'Object' ? v.properties?.[TAG]?.const : undefined));
  return tags.every((t) => typeof t === 'string') ? (tags as string[]) : null;
}

/**
 * A union error says only "no variant matched". For a tagged union we report the errors of the
 * variant the value's `type` names (or the bad `type` itself); for a union of literals, the choices.
 */
function* fromUnion(error: ValueError): Generator<Violation> {
  const choices = literalChoices(error.schema);
  if (choices) {
    yield violation(
      error.path,
      oneOf(choices),
      (path) => `${path} must be ${oneOf(choices)}, got ${JSON.stringify(error.value)}`,
    );
    return;
  }
  const tags = tagsOf(error.schema);
  const value = error.value;
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!tags || !isObject) {
    yield violation(
      error.path,
      'an object',
      (path) => `${path} must be an object, got ${kindOf(value)}`,
    );
    return;
  }
  const tag = (value as Record<string, unknown>)[TAG];
  const index = tags.indexOf(tag as string);
  if (index < 0) {
    const limit = oneOf(tags);
    const got = tag === undefined ? 'nothing' : JSON.stringify(tag);
    yield violation(
      `${error.path}/${TAG}`,
      limit,
      (path) => `${path} must be ${limit}, got ${got}`,
    );
    return;
  }
  yield* explain(error.errors[index]);
}

/** Every violation in TypeBox's errors, one per path (the first, most basic one wins). */
export function* explain(errors: Iterable<ValueError>): Generator<Violation> {
  const seen = new Set<string>();
  for (const error of errors) {
    const found = error.type === ValueErrorType.Union ? fromUnion(error) : [fromError(error)];
    for (const v of found) {
      if (seen.has(v.path)) continue;
      seen.add(v.path);
      yield v;
    }
  }
}
