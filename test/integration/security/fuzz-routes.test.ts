import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  createTenant,
  removeDataDirs,
  startHookline,
  tempDataDir,
  type TenantSetup,
  type TestHookline,
} from '../../helpers/hookline-app.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../../helpers/postgres.js';

/**
 * Issue 12, "Hostile input": a property-based walk over every route of /openapi.json with mutated
 * requests. Whatever arrives, the answer is never a 5xx, and the server is healthy afterwards.
 * Strings never contain ':' or '/', so no generated value is a URL: nothing leaves 127.0.0.1.
 */

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyProps: string[];
  hasBody: boolean;
}

const DEEP_OBJECT = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
const DEEP_ARRAY = '['.repeat(10_000) + ']'.repeat(10_000);

/** Hostile strings without ':' or '/' (see above). */
const HOSTILE = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202e\ufeff',
  '..\\..\\windows',
  '%00',
  '%ff%fe',
  '__proto__',
  'constructor',
  'prototype',
  "' OR 1=1 --",
  '<script>alert(1)<\\script>',
  '{{#each}}{{',
  '99999999999999999999999',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  'true',
  'null',
  '💥'.repeat(50),
  'x'.repeat(5_000),
];

const text = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[:/]/g, '_')),
);

const leaf = fc.oneof(
  text,
  fc.integer(),
  fc.constantFrom(-1, 0, 2 ** 53 + 1, -(2 ** 63), 1e300, 0.5, -0),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  { weight: 3, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(text, leaf, { maxKeys: 4 }) },
);

/** Ids for path parameters: the real one (when known) or hostile ones, already URL-encoded. */
const HOSTILE_IDS = [
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '..',
  '%2e%2e',
  '%00',
  '%ff%fe',
  '99999999999999999999999',
  '-1',
  '0',
  '1e309',
  'Infinity',
  '__proto__',
  'constructor',
  'x'.repeat(300),
  '%F0%9F%92%A5',
];

const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/xml',
  null,
];

type RawBody = string | Buffer | undefined;

/** URL-encodes, lone surrogates included (as the invalid UTF-8 they would be). */
function encode(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '')) + '%ED%A0%80';
  }
}

/** A body from one of the mutation families, for an operation with these properties. */
function bodyFor(props: string[]) {
  const prop = props.length > 0 ? fc.constantFrom(...props) : fc.constant('x');
  const object = fc
    .tuple(
      fc.subarray(props),
      fc.array(value, { minLength: props.length, maxLength: props.length }),
    )
    .map(([keys, values]) => Object.fromEntries(keys.map((k, i) => [k, values[i]])));
  return fc.oneof(
    object.map((o) => JSON.stringify(o)),
    value.map((v) => JSON.stringify(v)), // wrong type at the top
    prop.map((p) => `{"${p}":${DEEP_OBJECT}}`),
    fc.constant(DEEP_ARRAY),
    prop.map((p) => `{"${p}":1,"${p}":{"a":[1,2]},"${p}":"again"}`), // duplicate keys
    object.map((o) =>
      JSON.stringify(o).replace(
        /^\{/,
        '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
      ),
    ),
    fc
      .tuple(
        prop,
        fc.constantFrom('1e309', '-1e999', '123456789012345678901234567890', '-0', '1E+400'),
      )
      .map(([p, n]) => `{"${p}":${n}}`),
    prop.map((p) => `{"${p}":"a\\u0000b","${p}2":"\u0000"}`),
    prop.map((p) =>
      Buffer.concat([
        Buffer.from(`{"${p}":"`),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
        Buffer.from('"}'),
      ]),
    ),
    prop.map((p) => `{"${p}":"${'x'.repeat(2_000_000)}"}`), // beyond every body limit
    fc.constantFrom('not json', '', '{', '{"a":', 'null', '[]', '"string"', '\u0000'),
  );
}

const headersArb = fc.record(
  {
    // Mostly valid credentials, so most requests get past authentication to the route itself.
    authorization: fc.constantFrom(
      ...(['admin', 'admin', 'admin', 'app', 'app', 'app', 'none', 'garbage', 'huge'] as const),
    ),
    extra: fc.constantFrom('none', 'idempotency', 'oversized', 'nul'),
  },
  { requiredKeys: ['authorization', 'extra'] },
);

function requestFor(op: Operation, ids: Record<string, string>) {
  const param = (name: string) =>
    fc.oneof(...(ids[name] ? [{ weight: 3, arbitrary: fc.constant(ids[name]) }] : []), {
      weight: 1,
      arbitrary: fc.constantFrom(...HOSTILE_IDS),
    });
  const path = fc
    .tuple(...op.pathParams.map(param))
    .map((vals) => op.pathParams.reduce((p, name, i) => p.replace(`{${name}}`, vals[i]), op.path));
  const query = fc
    .array(
      fc.tuple(
        op.queryParams.length > 0
          ? fc.constantFrom(...op.queryParams, 'unknown')
          : fc.constant('q'),
        fc.oneof(fc.constantFrom('Infinity', '1e309', '-1', '0', 'abc', '%00', '%ff', '1.5'), text),
      ),
      { maxLength: 3 },
    )
    .map((pairs) =>
      pairs.map(([k, v]) => `${k}=${/^%[0-9a-f]{2}$/i.test(v) ? v : encode(v)}`).join('&'),
    );
  const body: fc.Arbitrary<RawBody> = op.hasBody
    ? bodyFor(op.bodyProps)
    : fc.oneof(fc.constant(undefined), bodyFor([]));
  return fc.record({
    url: fc.tuple(path, query).map(([p, q]) => (q ? `${p}?${q}` : p)),
    body,
    contentType: fc.constantFrom(...CONTENT_TYPES),
    headers: headersArb,
  });
}

function operationsOf(doc: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const responses = Object.values((op.responses ?? {}) as Record<string, { content?: object }>);
      // A live stream answers until the client leaves: not something one request can walk.
      if (responses.some((r) => r.content && 'text/event-stream' in r.content)) continue;
      const params = (op.parameters ?? []) as Array<{ in: string; name: string }>;
      const json = (
        op.requestBody as
          { content?: Record<string, { schema?: { properties?: object } }> } | undefined
      )?.content?.['application/json']?.schema;
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodyProps: Object.keys(json?.properties ?? {}),
        hasBody: op.requestBody !== undefined,
      });
    }
  }
  return ops;
}

function fuzzCases(start: () => Promise<TestHookline>, runs: number) {
  let h: TestHookline;
  let t: TenantSetup;
  let ids: Record<string, string>;
  beforeAll(async () => {
    h = await start();
    t = await createTenant(h, { url: 'http://127.0.0.1:9/hook' }, 'fuzzed');
    const sent = await h.api('POST', `/api/v1/apps/${t.appId}/messages`, {
      eventType: 'message.delivered',
      payload: { n: 1 },
    });
    const bin = await h.api('POST', '/api/v1/bins', {}, { token: t.apiKey });
    await h.dispatcher.drainDue();
    const delivery = (await h.api('GET', `/api/v1/apps/${t.appId}/deliveries`)).body.data[0];
    ids = {
      appId: t.appId,
      endpointId: t.endpointId,
      messageId: sent.body.id,
      deliveryId: String(delivery.id),
      binId: bin.body.id,
    };
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`answers no 5xx to ${runs} mutated requests over every route, and stays healthy`, async () => {
    const doc = (await h.api('GET', '/openapi.json')).body;
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(50);
    // Deleting the tenant (or rotating its key) would leave the rest of the walk nothing real.
    const keepsTenant = (op: Operation) =>
      !(op.method === 'DELETE' && /\{(appId|endpointId)\}$/.test(op.path)) &&
      !op.path.endsWith('/api-key/rotate');
    const arb = fc
      .constantFrom(...ops)
      .chain((op) => requestFor(op, keepsTenant(op) ? ids : {}).map((req) => ({ op, ...req })));
    await fc.assert(
      fc.asyncProperty(arb, async ({ op, url, body, contentType, headers }) => {
        const sent: Record<string, string> = {};
        if (contentType !== null && body !== undefined) sent['content-type'] = contentType;
        const token = {
          admin: ADMIN_TOKEN,
          app: t.apiKey,
          none: null,
          garbage: 'hl_garbage\u00ff',
          huge: 'x'.repeat(20_000),
        }[headers.authorization];
        if (token !== null) sent.authorization = `Bearer ${token}`;
        if (headers.extra === 'idempotency') sent['idempotency-key'] = 'k'.repeat(300);
        if (headers.extra === 'oversized') sent['x-filler'] = 'y'.repeat(40_000);
        if (headers.extra === 'nul') sent['x-nul'] = 'a\u0000b';
        const res = await h.app.server.inject({
          method: op.method as 'GET',
          url,
          headers: sent,
          payload: body,
        });
        const shown = typeof body === 'string' ? body.slice(0, 200) : String(body?.length);
        expect(
          res.statusCode,
          `${op.method} ${url.slice(0, 200)} ${contentType} ${shown}: ${res.body.slice(0, 300)}`,
        ).toBeLessThan(500);
      }),
      { numRuns: runs, endOnFailure: true },
    );

    const healthy = await h.app.server.inject({ method: 'GET', url: '/healthz' });
    expect(healthy.statusCode).toBe(200);
    expect((await h.app.server.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const after = await h.api('POST', `/api/v1/apps/${t.appId}/messages`, {
      eventType: 'message.delivered',
      payload: { after: true },
    });
    expect(after.status).toBe(202);
  });
}

afterAll(removeDataDirs);

describe('route fuzzing (SQLite)', () => fuzzCases(() => startHookline(), 300));

describePostgres('route fuzzing (PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('fuzz_routes');
  });
  afterAll(async () => {
    await db?.drop();
  });
  fuzzCases(
    () => startHookline({ dataDir: tempDataDir(), config: { databaseUrl: db.url, dbPoolSize: 4 } }),
    200,
  );
});
