import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { REDACTED_PATHS } from '../observability/log-redaction.js';
import { lazyRequestLogger } from './request-logger.js';

/** A pino logger as the server makes one (redaction on), writing its lines into `lines`. */
function capture(level = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const parent = pino(
    { level, base: undefined, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { parent, lines };
}

describe('lazyRequestLogger', () => {
  it("logs as the request's child logger: its bindings on every line, secrets redacted", () => {
    const { parent, lines } = capture();
    const log = lazyRequestLogger(parent, { reqId: 'req-7' }, {});
    log.info({ headers: { authorization: 'Bearer hk_secret' } }, 'first');
    log.warn('second');
    log.debug('not at this level');
    log.child({ step: 'inner' }).error('third');
    expect(lines.map((l) => [l.reqId, l.msg])).toEqual([
      ['req-7', 'first'],
      ['req-7', 'second'],
      ['req-7', 'third'],
    ]);
    expect(lines[0]!.headers).toEqual({ authorization: '[redacted]' });
    expect(lines[2]!.step).toBe('inner');
  });

  it("has the parent's level, or the route's when one is given", () => {
    const { parent } = capture('warn');
    expect(lazyRequestLogger(parent, { reqId: 'a' }, {}).level).toBe('warn');
    expect(lazyRequestLogger(parent, { reqId: 'b' }, { level: 'debug' }).level).toBe('debug');
  });
});
