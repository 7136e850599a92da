import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, startBotApi, type BotApi } from './api-harness.js';
import { chatbotReceiver, useBotReceiver, type Handler } from './receiver.js';

const BASE = '/v2/integrations/webhook';
const STORY = '634fef70c56fd000073f5730';
const REPLY_LIMIT = 2048;

/** ChatBot's documented request body. */
const CONTEXT = {
  chatId: '602313f00000000000000000',
  messageId: '5a7fb3e1-8452-4aee-a7a9-2f0edaeb8e42',
  userId: '602313f00000000000000000',
  externalId: '26565d77-dd8f-4f34-bb46-4daaa8a22895',
  node: {
    id: '4b0d6bea-1a9b-4d29-bf23-85e8aa9619ae',
    name: 'foo bar',
    type: 'WEBHOOK',
    webhookId: 'x',
    webhookName: 'y',
  },
  userAttributes: { default_name: 'User', default_email: 'me@example.com' },
  attributes: { foo: 'bar', baz: '' },
};

let api: BotApi;
beforeAll(async () => {
  // randomText always picks the last message; replies above 2 KiB are too large.
  api = await startBotApi({ random: () => 0.999, replyLimitBytes: REPLY_LIMIT });
});
afterAll(async () => {
  await api.close();
});
const receiver = useBotReceiver();

const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  api.server.inject({
    method,
    url,
    headers: auth(api.keys.a),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

async function connection(over: Record<string, unknown> = {}): Promise<string> {
  const res = await call('POST', BASE, {
    storyId: STORY,
    name: 'Tracking',
    url: receiver.url(),
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** POSTs answer with this handler; the handshake GET still passes. */
function replies(post: Handler) {
  receiver.handler = (req, res) =>
    req.method === 'GET' ? chatbotReceiver(req, res) : post(req, res);
}
const json =
  (status: number, body: unknown): Handler =>
  (_req, res) =>
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(typeof body === 'string' ? body : JSON.stringify(body));

const invoke = (id: string, body: unknown = CONTEXT) => call('POST', `${BASE}/${id}/invoke`, body);
const connectionError = async (id: string) => (await call('GET', `${BASE}/${id}`)).json().error;
const invocations = async (id: string) =>
  (await call('GET', `${BASE}/${id}/invocations`)).json().data;

describe('a valid reply', () => {
  it('POSTs the chat context with headers, Basic auth and token, and returns the normalised reply', async () => {
    const id = await connection({
      token: 'tok',
      headers: { 'X-Api-Key': 'k1' },
      auth: { username: 'foo', password: 'bar' },
    });
    const res = await invoke(id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      responses: [{ type: 'text', delay: 1000, message: 'Have a great day!' }],
      attributes: { foo: 'bar' },
      invocation: {
        id: expect.stringMatching(/^inv_/),
        connectionId: id,
        at: new Date(api.clock.now()).toISOString(),
        latencyMs: expect.any(Number),
        statusCode: 200,
        outcome: 'ok',
        error: null,
        messageId: CONTEXT.messageId,
      },
    });
    const [post] = receiver.posts();
    expect(post.url.pathname).toBe('/bot');
    expect(post.headers['content-type']).toBe('application/json');
    expect(post.headers['x-api-key']).toBe('k1');
    expect(post.headers['x-hookline-token']).toBe('tok');
    expect(post.headers.authorization).toBe(`Basic ${Buffer.from('foo:bar').toString('base64')}`);
    expect(JSON.parse(post.body)).toEqual({
      ...CONTEXT,
      node: { ...CONTEXT.node, webhookId: id, webhookName: 'Tracking' },
    });
  });

  it('fills a minimal context: node names this connection, attributes default to {}', async () => {
    const id = await connection();
    const res = await invoke(id, { chatId: 'c1', messageId: 'm1', userId: 'u1', extra: 'dropped' });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(receiver.posts()[0].body)).toEqual({
      chatId: 'c1',
      messageId: 'm1',
      userId: 'u1',
      externalId: null,
      node: { id: null, name: null, type: 'WEBHOOK', webhookId: id, webhookName: 'Tracking' },
      userAttributes: {},
      attributes: {},
    });
  });

  it('keeps 64-bit integers in attributes exact on the way out', async () => {
    const id = await connection();
    const res = await api.server.inject({
      method: 'POST',
      url: `${BASE}/${id}/invoke`,
      headers: { ...auth(api.keys.a), 'content-type': 'application/json' },
      payload:
        '{"chatId":"c","messageId":"m","userId":"u","attributes":{"big":12345678901234567890}}',
    });
    expect(res.statusCode).toBe(200);
    expect(receiver.posts()[0].body).toContain('"big":12345678901234567890');
  });

  it('every response type comes back normalised; randomText is picked and returned as text', async () => {
    const id = await connection();
    const uuid = '0e1a2425-76e3-49fd-bfc0-547603ab1fe3';
    replies(
      json(200, {
        responses: [
          { type: 'randomText', messages: ['a', 'b', 'c'], delay: 200 },
          { type: 'image', imageUrl: 'https://x.test/a.png' },
          {
            type: 'quickReplies',
            title: 'pick',
            buttons: [
              { type: 'postback', title: 'a', value: 'b' },
              { type: 'goto', title: 'g', value: uuid },
            ],
          },
          {
            type: 'cards',
            elements: [
              {
                title: 't',
                subtitle: 's',
                imageUrl: 'i',
                buttons: [
                  { type: 'webview', title: 'w', value: 'https://x.test' },
                  { type: 'phone', title: 'p', value: '+48123' },
                ],
              },
            ],
          },
          { type: 'buttons', title: 'b', buttons: [{ type: 'url', title: '', value: '' }] },
        ],
      }),
    );
    const res = await invoke(id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().responses).toEqual([
      { type: 'text', delay: 200, message: 'c' },
      { type: 'image', delay: 1000, imageUrl: 'https://x.test/a.png' },
      {
        type: 'quickReplies',
        delay: 1000,
        title: 'pick',
        buttons: [
          { type: 'postback', title: 'a', value: 'b' },
          { type: 'goto', title: 'g', value: uuid },
        ],
      },
      {
        type: 'cards',
        delay: 1000,
        elements: [
          {
            title: 't',
            subtitle: 's',
            imageUrl: 'i',
            buttons: [
              { type: 'webview', title: 'w', value: 'https://x.test', height: 'compact' },
              { type: 'phone', title: 'p', value: '+48123' },
            ],
          },
        ],
      },
      {
        type: 'buttons',
        delay: 1000,
        title: 'b',
        buttons: [{ type: 'url', title: '', value: '' }],
      },
    ]);
    expect(res.json().attributes).toEqual({});
  });

  it('a reply with attributes only is valid, any 2xx counts', async () => {
    const id = await connection();
    replies(json(201, { attributes: { vip: 'yes' } }));
    const res = await invoke(id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      responses: [],
      attributes: { vip: 'yes' },
      invocation: { statusCode: 201 },
    });
  });
});

describe('an invalid reply', () => {
  it('is a 422 reply_invalid listing every violation by path and limit; the connection error is set', async () => {
    const id = await connection();
    replies(
      json(200, {
        responses: [
          { type: 'text', message: '' },
          {
            type: 'buttons',
            title: 'ok',
            buttons: [
              { type: 'postback', title: 'x'.repeat(21), value: 'v' },
              { type: 'goto', title: 'g', value: 'nope' },
            ],
          },
          { type: 'video' },
        ],
      }),
    );
    const res = await invoke(id);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('reply_invalid');
    expect(body.details.map((d: { field: string; limit: string }) => [d.field, d.limit])).toEqual([
      ['responses[0].message', '1-1024 characters'],
      ['responses[1].buttons[0].title', '1-20 characters'],
      ['responses[1].buttons[1].value', 'a UUIDv4'],
      ['responses[2].type', 'one of text, randomText, image, quickReplies, cards, buttons'],
    ]);
    expect(body.message).toContain('(and 3 more)');
    expect(await connectionError(id)).toBe(body.message);
  });
});

describe('broken and slow replies', () => {
  const cases: [name: string, handler: Handler, status: number, code: string, words: string][] = [
    [
      'non-2xx',
      json(500, { error: 'boom' }),
      422,
      'receiver_status',
      'Request failed with status code 500',
    ],
    [
      'a redirect (never followed)',
      (_q, s) => s.writeHead(302, { location: '/elsewhere' }).end(),
      422,
      'receiver_status',
      'Request failed with status code 302',
    ],
    [
      'not JSON',
      (_q, s) => s.writeHead(200, { 'content-type': 'text/html' }).end('<html>ok</html>'),
      422,
      'reply_not_json',
      'not JSON',
    ],
    ['an empty body', (_q, s) => s.writeHead(200).end(), 422, 'reply_not_json', 'an empty body'],
    ['JSON that is not an object', json(200, '[1,2]'), 422, 'reply_invalid', '$ must be an object'],
    [
      'oversized',
      json(200, { attributes: { blob: 'x'.repeat(REPLY_LIMIT) } }),
      422,
      'reply_too_large',
      `larger than ${REPLY_LIMIT} bytes`,
    ],
    [
      'a dropped connection',
      (_q, s) => s.socket?.destroy(),
      422,
      'receiver_unreachable',
      'could not reach the receiver',
    ],
  ];
  for (const [name, handler, status, code, words] of cases) {
    it(`${name} -> ${status} ${code}`, async () => {
      const id = await connection();
      replies(handler);
      const res = await invoke(id);
      expect(res.statusCode).toBe(status);
      expect(res.json()).toMatchObject({ code, message: expect.stringContaining(words) });
      expect(await connectionError(id)).toBe(res.json().message);
      expect(await invocations(id)).toEqual([
        expect.objectContaining({ outcome: code, error: res.json().message }),
      ]);
    });
  }

  it('a reply exactly at the size limit is read whole', async () => {
    const id = await connection();
    const filler = '{"attributes":{"blob":""}}'.length;
    replies(json(200, { attributes: { blob: 'x'.repeat(REPLY_LIMIT - filler) } }));
    const res = await invoke(id);
    expect(res.statusCode, res.body).toBe(200);
  });

  it("a slow receiver -> 422 reply_timeout after the connection's timeout", async () => {
    const id = await connection({ timeoutMs: 200 });
    replies(() => undefined); // never answers; the server closes it at the end
    const res = await invoke(id);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'reply_timeout',
      message: 'the receiver did not answer within 200 ms',
    });
    const [record] = await invocations(id);
    expect(record).toMatchObject({ outcome: 'reply_timeout', statusCode: null });
  });
});

describe('connection error and history', () => {
  it('a failure sets error, the next success clears it; every invocation is listed newest first', async () => {
    const id = await connection();
    replies(json(503, 'down'));
    expect((await invoke(id, { ...CONTEXT, messageId: 'first' })).statusCode).toBe(422);
    expect(await connectionError(id)).toBe('Request failed with status code 503');
    const listed = (await call('GET', BASE)).json().find((c: { id: string }) => c.id === id);
    expect(listed.error).toBe('Request failed with status code 503');

    api.clock.advance(1000);
    receiver.handler = chatbotReceiver;
    expect((await invoke(id, { ...CONTEXT, messageId: 'second' })).statusCode).toBe(200);
    expect(await connectionError(id)).toBeNull();
    const healthy = (await call('GET', BASE)).json().find((c: { id: string }) => c.id === id);
    expect(healthy.error).toBe(false);

    const all = await invocations(id);
    expect(
      all.map((i: { messageId: string; outcome: string; statusCode: number }) => [
        i.messageId,
        i.outcome,
        i.statusCode,
      ]),
    ).toEqual([
      ['second', 'ok', 200],
      ['first', 'receiver_status', 503],
    ]);
    const page = (await call('GET', `${BASE}/${id}/invocations?limit=1`)).json();
    expect(page.data).toHaveLength(1);
    const next = (
      await call('GET', `${BASE}/${id}/invocations?limit=1&cursor=${page.nextCursor}`)
    ).json();
    expect(next).toEqual({ data: [all[1]], nextCursor: null });
  });

  it('the invocation list checks its query', async () => {
    const id = await connection();
    const res = await call('GET', `${BASE}/${id}/invocations?limit=0`);
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      expect.objectContaining({ field: 'limit', limit: 'an integer 1-250' }),
    ]);
  });
});

describe('the chat context', () => {
  it('is checked, every field named; nothing is sent or recorded', async () => {
    const id = await connection();
    const res = await invoke(id, { chatId: '', userId: 5, node: { type: 'BOT' }, attributes: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toEqual([
      'messageId',
      'chatId',
      'userId',
      'node.type',
      'attributes',
    ]);
    expect(receiver.posts()).toEqual([]);
    expect(await invocations(id)).toEqual([]);
  });

  it('an unknown connection is a 404', async () => {
    const res = await invoke('0'.repeat(24));
    expect(res.statusCode).toBe(404);
  });
});
