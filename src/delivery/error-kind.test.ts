import { describe, expect, it } from 'vitest';
import { EgressRefused } from './address-guard.js';
import { classifyError, describeError } from './error-kind.js';

const withCode = (code: string, message = code, cause?: unknown) =>
  Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { code });

describe('error kinds', () => {
  it('DNS failures', () => {
    for (const code of ['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']) {
      expect(classifyError(withCode(code))).toBe('dns');
    }
  });

  it('timeouts: undici timeouts, ETIMEDOUT, aborts', () => {
    for (const code of [
      'UND_ERR_CONNECT_TIMEOUT',
      'UND_ERR_HEADERS_TIMEOUT',
      'UND_ERR_BODY_TIMEOUT',
      'ETIMEDOUT',
    ]) {
      expect(classifyError(withCode(code))).toBe('timeout');
    }
    expect(classifyError(new DOMException('timed out', 'TimeoutError'))).toBe('timeout');
    expect(classifyError(new DOMException('aborted', 'AbortError'))).toBe('timeout');
  });

  it('TLS failures', () => {
    for (const code of [
      'CERT_HAS_EXPIRED',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'ERR_SSL_WRONG_VERSION_NUMBER',
    ]) {
      expect(classifyError(withCode(code))).toBe('tls');
    }
  });

  it('connection failures, including unknown ones', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'UND_ERR_SOCKET']) {
      expect(classifyError(withCode(code))).toBe('connection');
    }
    expect(classifyError(new Error('no code'))).toBe('connection');
    expect(classifyError('a string')).toBe('connection');
  });

  it('egress refusals are blocked, not connection failures', () => {
    expect(classifyError(new EgressRefused('address 127.0.0.1 is loopback'))).toBe('blocked');
    expect(classifyError(withCode('EGRESS_REFUSED'))).toBe('blocked');
    expect(classifyError(withCode('UND_ERR_SOCKET', 'socket', new EgressRefused('x')))).toBe(
      'blocked',
    );
  });

  it('looks through undici socket errors to their cause', () => {
    expect(
      classifyError(withCode('UND_ERR_SOCKET', 'other side closed', withCode('ECONNRESET'))),
    ).toBe('connection');
    expect(classifyError(withCode('UND_ERR_SOCKET', 'socket', withCode('ENOTFOUND')))).toBe('dns');
    expect(
      classifyError(new TypeError('fetch failed', { cause: withCode('CERT_HAS_EXPIRED') })),
    ).toBe('tls');
  });

  it('describes the error with its code and cause, at most 500 characters', () => {
    expect(describeError(withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'))).toBe(
      'ECONNREFUSED connect ECONNREFUSED 127.0.0.1:9',
    );
    expect(describeError(new TypeError('fetch failed', { cause: new Error('boom') }))).toBe(
      'fetch failed: boom',
    );
    expect(describeError(withCode('X', 'y'.repeat(1000))).length).toBe(500);
    expect(describeError(42)).toBe('42');
  });
});
