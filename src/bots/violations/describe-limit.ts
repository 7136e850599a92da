import { Kind, type TSchema } from '@sinclair/typebox';
import { UUID_V4_PATTERN } from './patterns.js';

/** Readable names for the patterns our schemas use. */
const PATTERN_NAMES: Record<string, string> = { [UUID_V4_PATTERN]: 'a UUIDv4' };

const SINGULAR: Record<string, string> = {
  characters: 'character',
  items: 'item',
  entries: 'entry',
};

function range(min: number | undefined, max: number | undefined, unit: string): string {
  const suffix = (n: number) =>
    unit === '' ? '' : ` ${n === 1 ? (SINGULAR[unit] ?? unit) : unit}`;
  if (min !== undefined && max !== undefined)
    return min === max ? `${min}${suffix(min)}` : `${min}-${max}${suffix(max)}`;
  if (min !== undefined) return `at least ${min}${suffix(min)}`;
  if (max !== undefined) return `at most ${max}${suffix(max)}`;
  return '';
}

function stringLimit(schema: TSchema): string {
  const pattern = schema.pattern as string | undefined;
  if (pattern !== undefined && PATTERN_NAMES[pattern]) return PATTERN_NAMES[pattern];
  const parts = [range(schema.minLength, schema.maxLength, 'characters')];
  if (pattern !== undefined) parts.push(`matching ${pattern}`);
  return parts.filter(Boolean).join(' ') || 'a string';
}

/** The values a union of literals allows, or null when the union is of something else. */
export function literalChoices(schema: TSchema): unknown[] | null {
  const variants = (schema.anyOf ?? []) as TSchema[];
  if (variants.length === 0 || variants.some((v) => v[Kind] !== 'Literal')) return null;
  return variants.map((v) => v.const);
}

export function oneOf(values: unknown[]): string {
  return `one of ${values.map(String).join(', ')}`;
}

/** The rule a schema states, in the words error messages use: `1-20 characters`, `1-13 items`. */
export function describeLimit(schema: TSchema): string {
  switch (schema[Kind]) {
    case 'String':
      return stringLimit(schema);
    case 'Number':
      return range(schema.minimum, schema.maximum, '') || 'a number';
    case 'Integer': {
      const bounds = range(schema.minimum, schema.maximum, '');
      return bounds ? `an integer ${bounds}` : 'an integer';
    }
    case 'Array':
      return range(schema.minItems, schema.maxItems, 'items') || 'an array';
    case 'Literal':
      return JSON.stringify(schema.const);
    case 'Union': {
      const choices = literalChoices(schema);
      return choices ? oneOf(choices) : 'an object';
    }
    case 'Object':
    case 'Record': {
      const entries = range(schema.minProperties, schema.maxProperties, 'entries');
      return entries ? `an object with ${entries}` : 'an object';
    }
    default:
      return 'a valid value';
  }
}
