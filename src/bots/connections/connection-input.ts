import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { explain } from '../violations/explain-errors.js';
import { ROOT_PATH } from '../violations/json-path.js';
import type { Violation } from '../violations/violation.js';
import { headerViolations } from './header-rules.js';

/** What a client sends to create or update a connection, after validation. */
export interface ConnectionInput {
  /** Only on create: the story cannot move. */
  storyId: string | null;
  name: string;
  url: string;
  token: string | null;
  headers: Record<string, string>;
  auth: { username: string; password: string } | null;
  /** Hookline's addition: this connection's timeout; null = the service default. */
  timeoutMs: number | null;
  /** Hookline's addition: names the story (ChatBot's `story.name`); null = leave it as it is. */
  storyName: string | null;
}

export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 60_000;

const text = (minLength: number, maxLength: number) => Type.String({ minLength, maxLength });

const shared = {
  name: text(1, 128),
  url: text(1, 1024),
  token: Type.Optional(text(1, 1024)),
  headers: Type.Optional(
    Type.Record(Type.String(), text(0, 4096), { minProperties: 1, maxProperties: 10 }),
  ),
  auth: Type.Optional(Type.Object({ username: text(1, 1024), password: text(1, 1024) })),
  timeoutMs: Type.Optional(Type.Integer({ minimum: MIN_TIMEOUT_MS, maximum: MAX_TIMEOUT_MS })),
  storyName: Type.Optional(text(1, 128)),
};

/** ChatBot's create and update bodies; unknown fields are ignored (a GET can be PUT back). */
export const CreateConnectionBody = Type.Object({ storyId: text(24, 24), ...shared });
export const UpdateConnectionBody = Type.Object(shared);

const checkers = {
  create: TypeCompiler.Compile(CreateConnectionBody),
  update: TypeCompiler.Compile(UpdateConnectionBody),
};

// Control characters would break the request line or a header; they are never meaningful here.
const CONTROL = /[\u0000-\u001f\u007f]/;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Rules JSON Schema cannot state: a real http(s) URL, header-safe token and credentials. */
function ruleViolations(body: Record<string, unknown>, broken: Set<string>): Violation[] {
  const out: Violation[] = [];
  const add = (path: string, limit: string, message: string) => {
    if (!broken.has(path)) out.push({ path, limit, message: `${path} ${message}` });
  };
  if (typeof body.url === 'string' && !isHttpUrl(body.url)) {
    add('url', 'an absolute http(s) URL', 'must be an absolute http(s) URL');
  } else if (typeof body.url === 'string' && /^[a-z]+:\/\/[^/?#]*@/i.test(body.url)) {
    add(
      'url',
      'no credentials in the URL',
      'must not carry credentials; use auth.username and auth.password',
    );
  }
  if (typeof body.token === 'string' && CONTROL.test(body.token)) {
    add('token', 'no control characters', 'must not contain control characters');
  }
  const auth = body.auth as { username?: unknown; password?: unknown } | undefined;
  if (
    typeof auth?.username === 'string' &&
    (auth.username.includes(':') || CONTROL.test(auth.username))
  ) {
    add(
      'auth.username',
      'no colon or control characters',
      'must not contain ":" or control characters (Basic auth)',
    );
  }
  if (typeof auth?.password === 'string' && CONTROL.test(auth.password)) {
    add('auth.password', 'no control characters', 'must not contain control characters');
  }
  if (body.headers && typeof body.headers === 'object' && !Array.isArray(body.headers)) {
    const headers = body.headers as Record<string, unknown>;
    for (const v of headerViolations(headers, body.auth !== undefined))
      add(v.path, v.limit, v.message);
  }
  return out;
}

// A client echoing a GET sends null for what is not set; null means "not set" here too.
function withoutNulls(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));
}

export type ConnectionInputResult =
  { ok: true; input: ConnectionInput } | { ok: false; violations: Violation[] };

/** Checks a create (`storyId` required) or update body; lists every violation by field and limit. */
export function validateConnectionInput(
  raw: unknown,
  mode: 'create' | 'update',
): ConnectionInputResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      violations: [
        { path: ROOT_PATH, limit: 'an object', message: 'the body ($) must be a JSON object' },
      ],
    };
  }
  const body = withoutNulls(raw as Record<string, unknown>);
  const checker = checkers[mode];
  const violations = checker.Check(body) ? [] : [...explain(checker.Errors(body))];
  violations.push(...ruleViolations(body, new Set(violations.map((v) => v.path))));
  if (violations.length > 0) return { ok: false, violations };
  const auth = body.auth as ConnectionInput['auth'] | undefined;
  return {
    ok: true,
    input: {
      storyId: mode === 'create' ? (body.storyId as string) : null,
      name: body.name as string,
      url: body.url as string,
      token: (body.token as string | undefined) ?? null,
      headers: { ...((body.headers as Record<string, string> | undefined) ?? {}) },
      auth: auth ? { username: auth.username, password: auth.password } : null,
      timeoutMs: (body.timeoutMs as number | undefined) ?? null,
      storyName: (body.storyName as string | undefined) ?? null,
    },
  };
}
