import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, startBotApi, type BotApi } from './api-harness.js';
import { chatbotReceiver, useBotReceiver } from './receiver.js';

/**
 * Page 004 (ChatBot.com), "Webhooks API": every answer of the connections API has the shape of
 * the page's examples. The examples are transcribed below; values differ (ids, times, URLs), so
 * the check is on keys, their order and their types, plus the values the page fixes.
 */
const BASE = '/v2/integrations/webhook';

// "List all connections" > Response Example (first element; the second has "error": false).
const PAGE_LIST_ITEM = {
  id: '611f9ad1fe24s3d0007d14ad4',
  story: { id: '634fef70sd214d000073f5730', name: 'Foo' },
  name: 'Package Tracking Bot',
  url: 'https://webhooks.my-example-site.com/tracking',
  error: 'Request failed with status code 404',
  createdAt: '2021-06-09T07:35:00.788Z',
  updatedAt: '2021-06-09T07:35:00.788Z',
};

// "List single connection" > Response Example ("error": null, // string or null).
const PAGE_SINGLE = {
  id: '5f5220d1ce93050007ba7402',
  story: { id: '634fef70c56fd000073f5730', name: 'Foo' },
  name: 'foo bar',
  url: 'https://<your-webhook-url>.com',
  token: 'secret-token',
  headers: { 'x-custom-header': 'value' },
  auth: { username: 'foo', password: 'bar' },
  error: null,
  createdAt: '2021-06-09T07:35:00.788Z',
  updatedAt: '2021-06-09T07:35:00.788Z',
};

// "Create connection" / "Update connection" / "Delete connection" > Response Example.
const PAGE_CREATED = {
  id: '5ea8872dt3sd210a1586dab5',
  timestamp: '2020-04-1T00:00:300.000Z',
  status: { code: 201, type: 'created' },
};
const PAGE_SUCCESS = {
  timestamp: '2020-04-1T00:00:300.000Z',
  status: { code: 200, type: 'success' },
};

/** Keys in order, recursively, with the JSON type of each leaf. */
function shape(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shape(v)]);
  return typeof value;
}

let api: BotApi;
beforeAll(async () => {
  api = await startBotApi();
});
afterAll(async () => {
  await api.close();
});
const receiver = useBotReceiver();

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  api.server.inject({
    method,
    url,
    headers: auth(api.keys.a),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

describe('the connections API against page 004 (ChatBot.com)', () => {
  it('create, update and delete answer the page acknowledgements', async () => {
    const created = await call('POST', BASE, {
      storyId: PAGE_SINGLE.story.id,
      name: 'foo bar',
      url: receiver.url(),
    });
    expect(created.statusCode).toBe(201);
    expect(shape(created.json())).toEqual(shape(PAGE_CREATED));
    expect(created.json().status).toEqual(PAGE_CREATED.status);
    const id = created.json().id as string;
    const updated = await call('PUT', `${BASE}/${id}`, { name: 'foo bar', url: receiver.url() });
    expect(shape(updated.json())).toEqual(shape(PAGE_SUCCESS));
    expect(updated.json().status).toEqual(PAGE_SUCCESS.status);
    const deleted = await call('DELETE', `${BASE}/${id}`);
    expect(shape(deleted.json())).toEqual(shape(PAGE_SUCCESS));
    expect(deleted.json().status).toEqual(PAGE_SUCCESS.status);
  });

  it('a single connection has the page shape: story with its name, error null while healthy', async () => {
    const created = await call('POST', BASE, {
      storyId: PAGE_SINGLE.story.id,
      storyName: 'Foo',
      name: PAGE_SINGLE.name,
      url: receiver.url(),
      token: PAGE_SINGLE.token,
      headers: PAGE_SINGLE.headers,
      auth: PAGE_SINGLE.auth,
    });
    const id = created.json().id as string;
    const one = (await call('GET', `${BASE}/${id}`)).json() as Record<string, unknown>;
    // Hookline's one addition, documented in docs/bots.md: this connection's timeout.
    const { timeoutMs, ...asPage } = one;
    expect(timeoutMs).toBeNull();
    expect(shape(asPage)).toEqual(shape(PAGE_SINGLE));
    expect(asPage).toMatchObject({
      story: { id: PAGE_SINGLE.story.id, name: 'Foo' },
      token: PAGE_SINGLE.token,
      headers: PAGE_SINGLE.headers,
      auth: PAGE_SINGLE.auth,
      error: null,
    });
  });

  it('the list has the page shape: the error in words after a failure, false while healthy', async () => {
    const story = '634fef70sd214d000073f573';
    const failing = (
      await call('POST', BASE, {
        storyId: story,
        name: 'Package Tracking Bot',
        url: receiver.url('/tracking'),
        storyName: 'Foo',
      })
    ).json().id as string;
    const healthy = (
      await call('POST', BASE, { storyId: story, name: 'foo bar', url: receiver.url() })
    ).json().id as string;
    receiver.handler = (req, res) =>
      req.method === 'GET' ? chatbotReceiver(req, res) : res.writeHead(404).end();
    const invoked = await call('POST', `${BASE}/${failing}/invoke`, {
      chatId: 'c1',
      messageId: 'm1',
      userId: 'u1',
    });
    expect(invoked.statusCode).toBe(422);
    const list = (await call('GET', BASE)).json() as Array<Record<string, unknown>>;
    const byId = new Map(list.map((c) => [c.id, c]));
    expect(shape(byId.get(failing))).toEqual(shape(PAGE_LIST_ITEM));
    // The page's example failure, word for word.
    expect(byId.get(failing)?.error).toBe('Request failed with status code 404');
    expect(byId.get(healthy)).toMatchObject({ error: false, story: { id: story, name: 'Foo' } });
    expect((await call('GET', `${BASE}/${failing}`)).json().error).toBe(
      'Request failed with status code 404',
    );
  });

  it('a story nobody named is named by its id', async () => {
    const storyId = 'aaaaaaaaaaaaaaaaaaaaaaaa';
    const id = (await call('POST', BASE, { storyId, name: 'n', url: receiver.url() })).json().id;
    expect((await call('GET', `${BASE}/${id}`)).json().story).toEqual({
      id: storyId,
      name: storyId,
    });
  });
});
