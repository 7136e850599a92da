import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from '../../src/lib/error-codes.js';
import { removeDataDirs, startHookline, type TestHookline } from '../helpers/hookline-app.js';

let h: TestHookline;
beforeAll(async () => {
  h = await startHookline();
});
afterAll(async () => {
  await h.close();
  removeDataDirs();
});

interface ErrorResponse {
  route: string;
  status: number;
  codes: unknown;
}

async function declaredErrors(): Promise<ErrorResponse[]> {
  const doc = (await h.app.server.inject({ method: 'GET', url: '/openapi.json' })).json();
  const found: ErrorResponse[] = [];
  for (const [path, methods] of Object.entries<Record<string, { responses?: object }>>(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        // /healthz and /readyz answer 503 with their own health body, not an error body.
        if (Number(status) < 400 || path === '/healthz' || path === '/readyz') continue;
        const schema = (response as { content?: Record<string, { schema: Schema }> }).content?.[
          'application/json'
        ]?.schema;
        found.push({
          route: `${method.toUpperCase()} ${path}`,
          status: Number(status),
          codes: schema?.properties?.code?.enum,
        });
      }
    }
  }
  return found;
}

type Schema = { properties?: { code?: { enum?: unknown } } };

describe('error responses in the OpenAPI document', () => {
  it('list, for every declared error status, only catalogue codes answered with that status', async () => {
    const declared = await declaredErrors();
    expect(declared.length).toBeGreaterThan(50);
    for (const { route, status, codes } of declared) {
      expect(Array.isArray(codes) && codes.length > 0, `${route} ${status}: a code list`).toBe(
        true,
      );
      for (const code of codes as unknown[]) {
        expect(isErrorCode(code), `${route} ${status}: ${String(code)}`).toBe(true);
        expect(ERROR_CODES[code as keyof typeof ERROR_CODES].status, `${route} ${code}`).toBe(
          status,
        );
      }
    }
  });

  it('name the particular conflicts and bot failures', async () => {
    const declared = await declaredErrors();
    const codesOf = (route: string, status: number) =>
      declared.find((d) => d.route === route && d.status === status)?.codes;
    expect(codesOf('POST /api/v1/apps/{appId}/deliveries/{deliveryId}/retry', 409)).toEqual([
      'delivery_in_flight',
    ]);
    expect(codesOf('POST /v2/integrations/webhook/{id}/invoke', 422)).toEqual(
      expect.arrayContaining(['reply_invalid', 'reply_timeout', 'receiver_unreachable']),
    );
    expect(codesOf('POST /v2/integrations/webhook/', 400)).toEqual(
      expect.arrayContaining(['invalid_request', 'verification_wrong_body']),
    );
  });
});
