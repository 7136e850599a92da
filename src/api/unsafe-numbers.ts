import type { FastifyRequest } from 'fastify';
import { HooklineError } from '../lib/errors.js';

/**
 * Query strings and path parameters coerced to numbers may come out as Infinity (`limit=1e309`) or
 * beyond what an integer id can be (`/deliveries/99999999999999999999999`, a 500 on PostgreSQL's
 * bigint); ajv lets both through its integer and maximum checks when it coerces. Refused here, after
 * validation, with a 400 naming the field.
 */
export async function refuseUnsafeNumbers(request: FastifyRequest): Promise<void> {
  check(request.params, 'params');
  check(request.query, 'querystring');
}

function check(values: unknown, location: string): void {
  if (values === null || typeof values !== 'object') return;
  const record = values as Record<string, unknown>;
  for (const name in record) {
    const value = record[name];
    // Most are strings (ids): nothing to look at, and nothing allocated for them.
    if (typeof value === 'string' || !Object.hasOwn(record, name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'number') continue;
      const problem = !Number.isFinite(item)
        ? 'must be a finite number'
        : Number.isInteger(item) && !Number.isSafeInteger(item)
          ? `must be at most ${Number.MAX_SAFE_INTEGER}`
          : null;
      if (problem)
        throw new HooklineError('invalid_request', `${location} ${name}: ${problem}`, [
          { field: name, message: problem },
        ]);
    }
  }
}
