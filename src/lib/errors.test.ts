import { describe, expect, it } from 'vitest';
import { codesWithStatus, ERROR_CODES, isErrorCode, statusOf } from './error-codes.js';
import { badRequest, conflict, HooklineError, notFound, unavailable } from './errors.js';

describe('the error catalogue', () => {
  it('fixes each code to an HTTP error status, with a one-line description', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      expect(entry.description, code).toMatch(/^\S/);
      expect(entry.description, code).not.toContain('\n');
    }
  });

  it('answers which codes go with a status', () => {
    const conflicts = codesWithStatus(409);
    expect(conflicts).toEqual(expect.arrayContaining(['update_conflict', 'delivery_in_flight']));
    for (const code of conflicts) expect(statusOf(code), code).toBe(409);
    expect(conflicts).not.toContain('not_found');
    expect(codesWithStatus(401)).toContain('unauthorized');
    expect(isErrorCode('not_found')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('nope')).toBe(false);
  });
});

describe('HooklineError', () => {
  it('takes its status from the catalogue and keeps the one body', () => {
    const error = new HooklineError('bin_expired', 'bin bin_1 has expired');
    expect(error.status).toBe(410);
    expect(error.toBody()).toEqual({
      code: 'bin_expired',
      message: 'bin bin_1 has expired',
      details: [],
    });
    expect(notFound('app', 'app_1')).toMatchObject({ status: 404, code: 'not_found' });
    expect(badRequest('x: bad', [{ field: 'x', message: 'bad' }])).toMatchObject({
      status: 400,
      code: 'invalid_request',
      details: [{ field: 'x', message: 'bad' }],
    });
    expect(conflict('busy', 'delivery_in_flight').status).toBe(409);
    expect(unavailable('down')).toMatchObject({ status: 503, code: 'store_unavailable' });
    expect(statusOf('reply_invalid')).toBe(422);
  });

  it('does not compile with a code outside the catalogue, or a helper given another status', () => {
    // @ts-expect-error not a catalogue code
    expect(() => new HooklineError('no_such_code', 'x')).toThrow(TypeError);
    // @ts-expect-error a 409 code is not a bad request
    badRequest('x', [], 'delivery_in_flight');
    // @ts-expect-error a 400 code is not a conflict
    conflict('x', 'invalid_request');
  });
});
