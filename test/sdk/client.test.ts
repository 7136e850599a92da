import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  createHooklineClient,
  HooklineApiError,
  type HooklineClient,
} from '../../src/client/index.js';
import {
  ADMIN_TOKEN,
  removeDataDirs,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

/** hookline/client against a Hookline listening on 127.0.0.1, the dispatcher driven by the test. */
let h: TestHookline;
let client: HooklineClient;
let receiver: Receiver;
let baseUrl: string;

beforeAll(async () => {
  h = await startHookline({ config: { host: '127.0.0.1', port: 0 } });
  baseUrl = await h.app.listen();
  client = createHooklineClient({ baseUrl, token: ADMIN_TOKEN });
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver.close();
  await h.close();
  removeDataDirs();
});

describe('hookline/client', () => {
  it('creates an app and an endpoint, sends a message and lists its attempts, typed by route', async () => {
    const app = await client.POST('/api/v1/apps', { body: { name: 'acme' } });
    expectTypeOf(app.id).toEqualTypeOf<string>();
    expectTypeOf(app.apiKey).toEqualTypeOf<string>();
    const endpoint = await client.POST('/api/v1/apps/{appId}/endpoints', {
      params: { path: { appId: app.id } },
      body: { url: receiver.url, filterTypes: ['message.*'] },
    });
    expect(endpoint.url).toBe(receiver.url);
    const message = await client.POST('/api/v1/apps/{appId}/messages', {
      params: { path: { appId: app.id } },
      body: { eventType: 'message.status', payload: { id: 'a418d672', status: 'delivered' } },
    });
    await h.dispatcher.drainDue();
    const attempts = await client.GET('/api/v1/apps/{appId}/messages/{messageId}/attempts', {
      params: { path: { appId: app.id, messageId: message.id } },
    });
    expectTypeOf(attempts.data).toBeArray();
    expect(attempts.data.map((a) => a.statusCode)).toEqual([200]);

    const page = await client.GET('/api/v1/apps', { params: { query: { limit: 1 } } });
    expect(page.data).toHaveLength(1);
  });

  it('throws HooklineApiError with the API code, message and details', async () => {
    const notFound = await client
      .GET('/api/v1/apps/{appId}', { params: { path: { appId: 'app_missing' } } })
      .catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(HooklineApiError);
    expect(notFound).toMatchObject({ status: 404, code: 'not_found' });

    const invalid = await client
      // @ts-expect-error: name is required by the schema, so the types refuse this call too
      .POST('/api/v1/apps', { body: {} })
      .then(
        () => null,
        (e: HooklineApiError) => e,
      );
    expect(invalid).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(invalid?.details).toContainEqual(expect.objectContaining({ field: 'name' }));
  });

  it('refuses a wrong token with code unauthorized', async () => {
    const wrong = createHooklineClient({ baseUrl, token: 'not-a-token' });
    await expect(wrong.GET('/api/v1/apps')).rejects.toMatchObject({
      status: 401,
      code: 'unauthorized',
    });
  });

  it('keeps the raw openapi-fetch client, which returns errors instead of throwing', async () => {
    const { data, error, response } = await client.raw.GET('/api/v1/apps/{appId}', {
      params: { path: { appId: 'app_missing' } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ code: 'not_found' });
  });
});
