import type { ErrorDetail } from '../lib/errors.js';

/**
 * Filters on payload fields, in the syntax of Hookdeck Outpost's filters (a JSON object that the
 * payload must match). A key is a field name and its value what the field must be:
 * - a string, number, boolean or null: equal to it (or, for an array field, contained in it);
 * - an object of operators: `$eq`, `$neq`, `$in`, `$nin`, `$gt`, `$gte`, `$lt`, `$lte`, `$exists`,
 *   `$startsWith`, `$endsWith`, `$not`;
 * - any other object: the same rules one level down (nested fields).
 * `$and`/`$or` take a list of filters, `$not` a filter, at any level. `{}` matches everything.
 */
export type PayloadFilter = { [key: string]: unknown };
export type PayloadMatcher = (payload: unknown) => boolean;

export const FILTER_LIMITS = { depth: 8, bytes: 8192, listItems: 256 } as const;

const COMPARISONS = ['$gt', '$gte', '$lt', '$lte'] as const;
const FIELD_OPERATORS = new Set([
  '$eq',
  '$neq',
  '$in',
  '$nin',
  ...COMPARISONS,
  '$exists',
  '$startsWith',
  '$endsWith',
  '$not',
]);
const LOGICAL = new Set(['$and', '$or', '$not']);

type Scalar = string | number | boolean | null;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v);
const isOperatorObject = (v: Record<string, unknown>): boolean =>
  Object.keys(v).some((k) => k.startsWith('$'));

/** Every problem of a filter, each naming the path and the operator (`filter.data.status.$in`). */
export function payloadFilterProblems(filter: unknown, field = 'filter'): ErrorDetail[] {
  if (!isObject(filter)) return [{ field, message: 'must be a JSON object' }];
  if (JSON.stringify(filter).length > FILTER_LIMITS.bytes)
    return [{ field, message: `is larger than ${FILTER_LIMITS.bytes} bytes` }];
  const out: ErrorDetail[] = [];
  checkObject(filter, field, 1, out);
  return out;
}

function checkObject(
  filter: Record<string, unknown>,
  path: string,
  depth: number,
  out: ErrorDetail[],
) {
  if (depth > FILTER_LIMITS.depth) {
    out.push({ field: path, message: `nests deeper than ${FILTER_LIMITS.depth} levels` });
    return;
  }
  for (const [key, value] of Object.entries(filter)) {
    const at = `${path}.${key}`;
    if (key.startsWith('$')) {
      if (!LOGICAL.has(key))
        out.push({
          field: at,
          message: `unknown operator ${key} here; use $and, $or or $not, or a field name`,
        });
      else checkLogical(key, value, at, depth, out);
    } else if (isObject(value)) {
      if (isOperatorObject(value)) checkOperators(value, at, depth, out);
      else checkObject(value, at, depth + 1, out);
    } else if (!isScalar(value)) {
      out.push({ field: at, message: 'must be a string, number, boolean, null or an object' });
    }
  }
}

function checkLogical(op: string, value: unknown, at: string, depth: number, out: ErrorDetail[]) {
  if (op === '$not') {
    if (!isObject(value)) out.push({ field: at, message: '$not takes a filter object' });
    else checkObject(value, at, depth + 1, out);
    return;
  }
  if (!Array.isArray(value) || value.length === 0) {
    out.push({ field: at, message: `${op} takes a non-empty list of filters` });
    return;
  }
  value.forEach((item, i) => {
    if (!isObject(item)) out.push({ field: `${at}[${i}]`, message: 'must be a filter object' });
    else checkObject(item, `${at}[${i}]`, depth + 1, out);
  });
}

function checkOperators(
  ops: Record<string, unknown>,
  path: string,
  depth: number,
  out: ErrorDetail[],
) {
  for (const [op, arg] of Object.entries(ops)) {
    const at = `${path}.${op}`;
    if (!FIELD_OPERATORS.has(op)) {
      out.push({
        field: at,
        message: `unknown operator ${op}; allowed: ${[...FIELD_OPERATORS].join(', ')}`,
      });
    } else if (op === '$in' || op === '$nin') {
      if (!Array.isArray(arg) || arg.length > FILTER_LIMITS.listItems || !arg.every(isScalar))
        out.push({
          field: at,
          message: `${op} takes a list of up to ${FILTER_LIMITS.listItems} strings, numbers, booleans or nulls`,
        });
    } else if ((COMPARISONS as readonly string[]).includes(op)) {
      if (typeof arg !== 'number' && typeof arg !== 'string')
        out.push({ field: at, message: `${op} takes a number or a string` });
    } else if (op === '$exists') {
      if (typeof arg !== 'boolean') out.push({ field: at, message: '$exists takes true or false' });
    } else if (op === '$startsWith' || op === '$endsWith') {
      if (typeof arg !== 'string') out.push({ field: at, message: `${op} takes a string` });
    } else if (op === '$not') {
      if (!isObject(arg) || !isOperatorObject(arg))
        out.push({ field: at, message: '$not on a field takes an object of operators' });
      else checkOperators(arg, at, depth + 1, out);
    } else if (!isScalar(arg)) {
      out.push({ field: at, message: `${op} takes a string, number, boolean or null` });
    }
  }
}

/** Compiles a filter checked by payloadFilterProblems. */
export function compilePayloadFilter(filter: PayloadFilter): PayloadMatcher {
  return compileObject(filter);
}

function compileObject(filter: Record<string, unknown>): PayloadMatcher {
  const tests: PayloadMatcher[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and') {
      const all = (value as Record<string, unknown>[]).map(compileObject);
      tests.push((p) => all.every((t) => t(p)));
    } else if (key === '$or') {
      const any = (value as Record<string, unknown>[]).map(compileObject);
      tests.push((p) => any.some((t) => t(p)));
    } else if (key === '$not') {
      const inner = compileObject(value as Record<string, unknown>);
      tests.push((p) => !inner(p));
    } else {
      const test = compileField(value);
      tests.push((p) => test(isObject(p) && Object.hasOwn(p, key) ? p[key] : undefined));
    }
  }
  return (p) => tests.every((t) => t(p));
}

/** A test of one field's value (`undefined`: the field is absent). */
function compileField(expected: unknown): (value: unknown) => boolean {
  if (isObject(expected)) {
    return isOperatorObject(expected) ? compileOperators(expected) : compileObject(expected);
  }
  return (value) => equalsOrContains(value, expected as Scalar);
}

function compileOperators(ops: Record<string, unknown>): (value: unknown) => boolean {
  const tests = Object.entries(ops).map(([op, arg]) => operator(op, arg));
  return (value) => tests.every((t) => t(value));
}

function operator(op: string, arg: unknown): (value: unknown) => boolean {
  switch (op) {
    case '$eq':
      return (v) => equalsOrContains(v, arg as Scalar);
    case '$neq':
      return (v) => v !== undefined && !equalsOrContains(v, arg as Scalar);
    case '$in': {
      const list = arg as Scalar[];
      return (v) => list.some((x) => equalsOrContains(v, x));
    }
    case '$nin': {
      const list = arg as Scalar[];
      return (v) => !list.some((x) => equalsOrContains(v, x));
    }
    case '$exists':
      return (v) => (v !== undefined) === arg;
    case '$startsWith':
      return (v) => typeof v === 'string' && v.startsWith(arg as string);
    case '$endsWith':
      return (v) => typeof v === 'string' && v.endsWith(arg as string);
    case '$not': {
      const inner = compileOperators(arg as Record<string, unknown>);
      return (v) => !inner(v);
    }
    default:
      return comparison(op, arg as number | string);
  }
}

function comparison(op: string, bound: number | string): (value: unknown) => boolean {
  const cmp = (v: unknown): number | null => {
    const value = typeof v === 'bigint' ? Number(v) : v;
    if (typeof value !== typeof bound) return null;
    return (value as number | string) < bound ? -1 : (value as number | string) > bound ? 1 : 0;
  };
  const accept: Record<string, (c: number) => boolean> = {
    $gt: (c) => c > 0,
    $gte: (c) => c >= 0,
    $lt: (c) => c < 0,
    $lte: (c) => c <= 0,
  };
  const ok = accept[op];
  return (v) => {
    const c = cmp(v);
    return c !== null && ok(c);
  };
}

/** Equality; a 64-bit integer (bigint) equals the same number or its decimal string. */
function equals(value: unknown, expected: Scalar): boolean {
  if (typeof value === 'bigint')
    return typeof expected === 'string'
      ? value.toString() === expected
      : Number(value) === expected;
  return value === expected;
}

function equalsOrContains(value: unknown, expected: Scalar): boolean {
  if (Array.isArray(value)) return value.some((item) => equals(item, expected));
  return equals(value, expected);
}
