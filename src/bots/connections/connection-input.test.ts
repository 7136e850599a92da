import { describe, expect, it } from 'vitest';
import { validateConnectionInput } from './connection-input.js';

const s = (n: number) => 'a'.repeat(n);
const VALID = {
  storyId: '634fef70c56fd000073f5730',
  name: 'Package tracking',
  url: 'https://bot.example.test/hook',
};
const headersOf = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`x-h${i}`, 'v']));

function expectViolation(
  body: unknown,
  path: string,
  limit: string,
  mode: 'create' | 'update' = 'create',
) {
  const result = validateConnectionInput(body, mode);
  expect(result.ok, `${path} should be refused`).toBe(false);
  if (result.ok) return;
  expect(result.violations.map((v) => [v.path, v.limit])).toEqual([[path, limit]]);
  expect(result.violations[0].message).toContain(path);
}

function expectValid(body: unknown, mode: 'create' | 'update' = 'create') {
  const result = validateConnectionInput(body, mode);
  expect(result.ok ? [] : result.violations).toEqual([]);
}

describe('string limits at n-1, n, n+1', () => {
  const cases: [
    field: string,
    min: number,
    max: number,
    build: (v: string) => Record<string, unknown>,
    path: string,
  ][] = [
    ['name', 1, 128, (v) => ({ ...VALID, name: v }), 'name'],
    ['token', 1, 1024, (v) => ({ ...VALID, token: v }), 'token'],
    [
      'auth.username',
      1,
      1024,
      (v) => ({ ...VALID, auth: { username: v, password: 'p' } }),
      'auth.username',
    ],
    [
      'auth.password',
      1,
      1024,
      (v) => ({ ...VALID, auth: { username: 'u', password: v } }),
      'auth.password',
    ],
  ];
  for (const [field, min, max, build, path] of cases) {
    it(field, () => {
      expectViolation(build(s(min - 1)), path, `${min}-${max} characters`);
      for (const n of [min, min + 1, max - 1, max]) expectValid(build(s(n)));
      expectViolation(build(s(max + 1)), path, `${min}-${max} characters`);
    });
  }

  it('storyId is exactly 24 characters', () => {
    expectViolation({ ...VALID, storyId: s(23) }, 'storyId', '24 characters');
    expectValid({ ...VALID, storyId: s(24) });
    expectViolation({ ...VALID, storyId: s(25) }, 'storyId', '24 characters');
  });

  it('url is 1-1024 characters', () => {
    const url = (n: number) => `http://h.test/${s(n - 14)}`;
    expectViolation({ ...VALID, url: '' }, 'url', '1-1024 characters');
    for (const n of [1023, 1024]) expectValid({ ...VALID, url: url(n) });
    expectViolation({ ...VALID, url: url(1025) }, 'url', '1-1024 characters');
  });
});

describe('url', () => {
  it('must be an absolute http or https URL', () => {
    expectValid({ ...VALID, url: 'http://127.0.0.1:8080/bot?x=1' });
    for (const url of [
      '/relative',
      'bot.example.test/hook',
      'ftp://bot.example.test/',
      'javascript:alert(1)',
      'http://',
    ]) {
      expectViolation({ ...VALID, url }, 'url', 'an absolute http(s) URL');
    }
  });

  it('must not carry credentials (auth does that)', () => {
    expectViolation(
      { ...VALID, url: 'https://user:pw@bot.example.test/hook' },
      'url',
      'no credentials in the URL',
    );
    expectValid({ ...VALID, url: 'https://bot.example.test/hook?next=a@b' });
  });
});

describe('headers', () => {
  it('take 1-10 string pairs', () => {
    expectViolation({ ...VALID, headers: {} }, 'headers', 'an object with 1-10 entries');
    for (const n of [1, 2, 9, 10]) expectValid({ ...VALID, headers: headersOf(n) });
    expectViolation({ ...VALID, headers: headersOf(11) }, 'headers', 'an object with 1-10 entries');
  });

  it('values are strings', () => {
    expectViolation({ ...VALID, headers: { 'x-n': 5 } }, 'headers["x-n"]', '0-4096 characters');
  });

  it('refuses bad names, control characters, duplicates and headers Hookline sets', () => {
    expectViolation(
      { ...VALID, headers: { 'bad name': 'v' } },
      'headers["bad name"]',
      'a header name of 1-256 token characters',
    );
    expectViolation(
      { ...VALID, headers: { 'x-a': 'v\r\nx-b: y' } },
      'headers["x-a"]',
      'no control characters',
    );
    expectViolation(
      { ...VALID, headers: { 'X-A': '1', 'x-a': '2' } },
      'headers["x-a"]',
      'unique header names',
    );
    expectViolation(
      { ...VALID, headers: { Host: 'v' } },
      'headers.Host',
      'not a header Hookline sets',
    );
    for (const name of ['content-type', 'Content-Length', 'X-Hookline-Token']) {
      expectViolation(
        { ...VALID, headers: { [name]: 'v' } },
        `headers["${name}"]`,
        'not a header Hookline sets',
      );
    }
  });

  it('Authorization is free unless Basic auth is set', () => {
    expectValid({ ...VALID, headers: { Authorization: 'Bearer abc' } });
    expectViolation(
      {
        ...VALID,
        headers: { Authorization: 'Bearer abc' },
        auth: { username: 'u', password: 'p' },
      },
      'headers.Authorization',
      'not a header Hookline sets',
    );
  });
});

describe('timeoutMs', () => {
  it('is an integer from 100 to 60000 ms', () => {
    expectViolation({ ...VALID, timeoutMs: 99 }, 'timeoutMs', 'an integer 100-60000');
    for (const timeoutMs of [100, 101, 59_999, 60_000]) expectValid({ ...VALID, timeoutMs });
    expectViolation({ ...VALID, timeoutMs: 60_001 }, 'timeoutMs', 'an integer 100-60000');
    expectViolation({ ...VALID, timeoutMs: 150.5 }, 'timeoutMs', 'an integer 100-60000');
  });
});

describe('auth and token', () => {
  it('auth needs both username and password', () => {
    expectViolation({ ...VALID, auth: { username: 'u' } }, 'auth.password', '1-1024 characters');
    expectViolation({ ...VALID, auth: 'u:p' }, 'auth', 'an object');
  });

  it('a username cannot hold a colon; token and password no control characters', () => {
    expectViolation(
      { ...VALID, auth: { username: 'a:b', password: 'p' } },
      'auth.username',
      'no colon or control characters',
    );
    expectViolation(
      { ...VALID, auth: { username: 'a', password: 'p\n' } },
      'auth.password',
      'no control characters',
    );
    expectViolation({ ...VALID, token: 'to\nken' }, 'token', 'no control characters');
  });
});

describe('create and update', () => {
  it('create needs storyId, name and url, and lists every violation', () => {
    const result = validateConnectionInput({ token: '', headers: { 'x-a': 1 } }, 'create');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations.map((v) => v.path).sort()).toEqual(
      ['headers["x-a"]', 'name', 'storyId', 'token', 'url'].sort(),
    );
  });

  it('update ignores storyId, and nulls mean "not set" (a GET can be PUT back)', () => {
    const result = validateConnectionInput(
      { ...VALID, storyId: 'x', token: null, headers: null, auth: null, error: null, id: 'z' },
      'update',
    );
    expect(result).toEqual({
      ok: true,
      input: {
        storyId: null,
        name: VALID.name,
        url: VALID.url,
        token: null,
        headers: {},
        auth: null,
        timeoutMs: null,
        storyName: null,
      },
    });
  });

  it("storyName (Hookline's addition) names the story: 1-128 characters", () => {
    const ok = validateConnectionInput({ ...VALID, storyName: 'Foo' }, 'create');
    expect(ok.ok && ok.input.storyName).toBe('Foo');
    expectViolation({ ...VALID, storyName: '' }, 'storyName', '1-128 characters');
  });

  it('create returns the normalised input', () => {
    const body = {
      ...VALID,
      token: 't',
      headers: { 'x-a': '1' },
      auth: { username: 'u', password: 'p', extra: 1 },
      unknown: true,
    };
    expect(validateConnectionInput(body, 'create')).toEqual({
      ok: true,
      input: {
        storyId: VALID.storyId,
        name: VALID.name,
        url: VALID.url,
        token: 't',
        headers: { 'x-a': '1' },
        auth: { username: 'u', password: 'p' },
        timeoutMs: null,
        storyName: null,
      },
    });
  });

  it('refuses a body that is not an object', () => {
    expectViolation([], '$', 'an object');
    expectViolation('x', '$', 'an object', 'update');
  });
});
