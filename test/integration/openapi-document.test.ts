import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  removeDataDirs,
  startHookline,
  type Json,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { compileAllSchemas } from '../../src/api/lazy-schema-compilers.js';

/**
 * The OpenAPI document states what the routes do: its security per route is checked against what
 * each route answers without credentials, and its schemas are named components.
 */
let h: TestHookline;
let doc: Json;
beforeAll(async () => {
  h = await startHookline();
  doc = (await h.app.server.inject({ method: 'GET', url: '/openapi.json' })).json();
});
afterAll(async () => {
  await h.close();
  removeDataDirs();
});

interface Operation {
  method: string;
  path: string;
  security: unknown;
  parameters: Array<{ in: string; name: string; schema?: { type?: string } }>;
}

function operations(): Operation[] {
  const found: Operation[] = [];
  for (const [path, methods] of Object.entries<Record<string, Json>>(doc.paths))
    for (const [method, operation] of Object.entries<Json>(methods))
      found.push({
        method: method.toUpperCase(),
        path,
        security: operation.security,
        parameters: operation.parameters ?? [],
      });
  return found;
}

/** A concrete URL for an operation: path parameters filled with a value of their type. */
function urlOf(op: Operation): string {
  return op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
    return param?.schema?.type === 'integer' ? '1' : 'x';
  });
}

describe('security in the OpenAPI document', () => {
  it('is stated on every operation, with known schemes only', () => {
    const schemes = Object.keys(doc.components.securitySchemes);
    expect(schemes).toEqual(expect.arrayContaining(['bearer', 'viberAuthToken']));
    for (const op of operations()) {
      expect(Array.isArray(op.security), `${op.method} ${op.path}`).toBe(true);
      for (const requirement of op.security as Array<Record<string, unknown>>)
        for (const scheme of Object.keys(requirement)) expect(schemes).toContain(scheme);
    }
  });

  it('names the real scheme of the health check, the management API, /pa and the bot API', () => {
    const securityOf = (method: string, path: string) =>
      operations().find((op) => op.method === method && op.path === path)?.security;
    expect(securityOf('GET', '/healthz')).toEqual([]);
    expect(securityOf('GET', '/api/v1/apps')).toEqual([{ bearer: [] }]);
    expect(securityOf('POST', '/pa/set_webhook')).toEqual([{ viberAuthToken: [] }]);
    expect(securityOf('GET', '/v2/integrations/webhook/')).toEqual([{ bearer: [] }]);
  });

  it('matches what every route answers without credentials', async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(40);
    for (const op of ops) {
      const name = `${op.method} ${op.path}`;
      const response = await h.app.server.inject({
        method: op.method as 'GET',
        url: urlOf(op),
        ...(['POST', 'PUT', 'PATCH'].includes(op.method) ? { payload: {} } : {}),
      });
      const schemes = (op.security as Array<Record<string, unknown>>).flatMap(Object.keys);
      if (schemes.includes('bearer')) {
        expect(response.statusCode, name).toBe(401);
        expect(response.json().code, name).toBe('unauthorized');
      } else if (schemes.includes('viberAuthToken')) {
        // Viber's API answers HTTP 200 with its own status: 0 is success.
        expect(response.statusCode, name).toBe(200);
        expect(response.json().status, name).not.toBe(0);
      } else {
        expect(response.statusCode, name).not.toBe(401);
        expect(response.statusCode, name).toBeLessThan(500);
      }
    }
  });
});

describe('schemas in the OpenAPI document', () => {
  it('are named components, referenced from the routes', () => {
    const names = Object.keys(doc.components.schemas);
    expect(names).toEqual(
      expect.arrayContaining(['App', 'Endpoint', 'Message', 'Delivery', 'Attempt', 'Bin']),
    );
    expect(names.filter((n) => /^def-\d+$/.test(n))).toEqual([]);
    const list = doc.paths['/api/v1/apps/{appId}/messages'].get;
    expect(list.responses['200'].content['application/json'].schema.properties.data.items).toEqual({
      $ref: '#/components/schemas/Message',
    });
    const create = doc.paths['/api/v1/apps/{appId}/endpoints'].post;
    expect(create.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/EndpointCreate',
    });
  });

  it('mark no optional query or header parameter as required', () => {
    for (const op of operations())
      for (const param of op.parameters as Array<Json>)
        if (param.in !== 'path' && param.required)
          expect(param.schema?.default, `${op.method} ${op.path} ${param.name}`).toBeUndefined();
    const list = operations().find(
      (op) => op.method === 'GET' && op.path === '/api/v1/apps/{appId}/messages',
    )!;
    const required = (list.parameters as Array<Json>).filter((p) => p.in === 'query' && p.required);
    expect(required).toEqual([]);
  });
});

describe('Swagger UI at /docs', () => {
  it("carries Hookline's name and mark, not the framework's logo", async () => {
    const entry = await h.app.server.inject({ method: 'GET', url: '/docs' });
    const url = entry.statusCode === 302 ? `/docs/${entry.headers.location}` : '/docs';
    const page = await h.app.server.inject({ method: 'GET', url: url.replace('/docs//', '/') });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Hookline API</title>');
    expect(page.body).not.toContain('favicon-32x32.png');
    const init = await h.app.server.inject({
      method: 'GET',
      url: '/docs/static/swagger-initializer.js',
    });
    const logo = /img\.src = 'data:image\/svg\+xml;base64,([^']+)'/.exec(init.body);
    expect(logo).not.toBeNull();
    const svg = Buffer.from(logo![1], 'base64').toString('utf8');
    expect(svg).toContain('Hookline');
    expect(svg.toLowerCase()).not.toContain('fastify');
  });
});

describe('errors in the OpenAPI document', () => {
  it('lists, on every route, the errors any route may answer', async () => {
    for (const [path, methods] of Object.entries<Record<string, Json>>(doc.paths)) {
      if (path.startsWith('/pa/') || path === '/healthz' || path === '/readyz') continue;
      for (const [method, operation] of Object.entries<Json>(methods)) {
        const name = `${method.toUpperCase()} ${path}`;
        const codes = (status: string) =>
          operation.responses[status]?.content?.['application/json']?.schema?.properties?.code
            ?.enum;
        expect(codes('500'), name).toEqual(['internal']);
        expect(codes('503'), name).toEqual(expect.arrayContaining(['store_unavailable']));
        expect(codes('507'), name).toEqual(['storage_full']);
        if (operation.requestBody) {
          expect(codes('413'), name).toContain('payload_too_large');
          expect(codes('415'), name).toEqual(['unsupported_media_type']);
        }
      }
    }
    // As documented: a body of a type the route does not read.
    const response = await h.app.server.inject({
      method: 'POST',
      url: '/api/v1/apps',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/xml' },
      payload: '<name>Acme</name>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('unsupported_media_type');
  });
});

describe('route schemas', () => {
  it('every route validator and response serializer compiles (they are compiled lazily, on first use)', () => {
    // A schema the compiler rejects throws here, rather than on its route's first request.
    const compiled = compileAllSchemas(h.app.server);
    // The earlier tests' requests compiled some; most (success responses, bodies) were left.
    expect(compiled).toBeGreaterThan(operations().length / 2);
    expect(compileAllSchemas(h.app.server)).toBe(0);
  });
});
