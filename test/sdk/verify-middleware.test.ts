import express from 'express';
import Fastify from 'fastify';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSigningKey, publicKeyOf } from '../../src/signing/ed25519-keys.js';
import { standardWebhookHeaders } from '../../src/signing/standard-webhooks.js';
import { signViber } from '../../src/signing/viber-signature.js';
import {
  expressWebhook,
  fastifyWebhook,
  nodeWebhookHandler,
  standardWebhooks,
  viber,
  webhookOf,
  type VerifiedWebhook,
  type WebhookVerifier,
} from '../../src/verify/index.js';

/** Each middleware on its real framework, listening on 127.0.0.1, fed signed and unsigned requests. */
const SECRET = 'whsec_' + Buffer.alloc(24, 9).toString('base64');
const SECRET_KEY = newSigningKey();
const AUTH_TOKEN = 'viber-auth-token-0123456789';
const BODY = '{"type":"message.status","data":{"id":"a418d672","status":"delivered"}}';

const standard = standardWebhooks({ keys: [SECRET, publicKeyOf(SECRET_KEY)] });
const viberVerifier = viber({ authToken: AUTH_TOKEN });

type Start = (verifier: WebhookVerifier) => Promise<{ url: string; close(): Promise<void> }>;

const reply = (webhook: VerifiedWebhook, payload: unknown) => ({
  scheme: webhook.scheme,
  id: webhook.id ?? null,
  payload,
});

async function listen(server: Server) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const frameworks: Record<string, Start> = {
  express: async (verifier) => {
    const app = express();
    app.post('/webhooks', expressWebhook(verifier), (req, res) => {
      res.json(reply(webhookOf(req), req.body));
    });
    app.use(express.json());
    return listen(createServer(app));
  },
  'express with express.raw()': async (verifier) => {
    const app = express();
    app.post(
      '/webhooks',
      express.raw({ type: '*/*' }),
      expressWebhook(verifier),
      (req, res) => void res.json(reply(webhookOf(req), req.body)),
    );
    return listen(createServer(app));
  },
  fastify: async (verifier) => {
    const app = Fastify();
    await app.register(async (scope) => {
      await scope.register(fastifyWebhook(verifier));
      scope.post('/webhooks', async (request) => reply(webhookOf(request), request.body));
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
  },
  'node:http': async (verifier) =>
    listen(
      createServer(
        nodeWebhookHandler(verifier, (_req, res, webhook) => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(reply(webhook, webhook.payload)));
        }),
      ),
    ),
};

const nowSec = () => Math.floor(Date.now() / 1000);

function post(url: string, headers: Record<string, string>, body = BODY, query = '') {
  return fetch(`${url}/webhooks${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, string> }));
}

describe.each(Object.entries(frameworks))('hookline/verify middleware on %s', (_name, start) => {
  let standardServer: Awaited<ReturnType<Start>>;
  let viberServer: Awaited<ReturnType<Start>>;
  beforeAll(async () => {
    standardServer = await start(standard);
    viberServer = await start(viberVerifier);
  });
  afterAll(async () => {
    await standardServer.close();
    await viberServer.close();
  });

  it('passes a v1 (HMAC) webhook to the handler with its parsed payload and id', async () => {
    const headers = standardWebhookHeaders([SECRET], 'msg_1', nowSec(), BODY);
    const res = await post(standardServer.url, { ...headers });
    expect(res).toEqual({
      status: 200,
      body: { scheme: 'standard-webhooks', id: 'msg_1', payload: JSON.parse(BODY) },
    });
  });

  it('passes a v1a (ed25519) webhook verified with the whpk_ key', async () => {
    const headers = standardWebhookHeaders([SECRET_KEY], 'msg_2', nowSec(), BODY);
    expect(headers['webhook-signature']).toMatch(/^v1a,/);
    const res = await post(standardServer.url, { ...headers });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe('msg_2');
  });

  it('answers 401 no_matching_signature for a changed body, never calling the handler', async () => {
    const headers = standardWebhookHeaders([SECRET], 'msg_3', nowSec(), BODY);
    const res = await post(standardServer.url, { ...headers }, BODY.replace('delivered', 'read'));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('no_matching_signature');
  });

  it('answers 401 timestamp_out_of_tolerance for a replay ten minutes old', async () => {
    const headers = standardWebhookHeaders([SECRET], 'msg_4', nowSec() - 600, BODY);
    const res = await post(standardServer.url, { ...headers });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'timestamp_out_of_tolerance' });
    expect(res.body.message).toMatch(/in the past; the tolerance is 300 s/);
  });

  it('answers 400 missing_header naming the header', async () => {
    const { 'webhook-signature': _dropped, ...headers } = standardWebhookHeaders(
      [SECRET],
      'msg_5',
      nowSec(),
      BODY,
    );
    const res = await post(standardServer.url, headers);
    expect(res).toEqual({
      status: 400,
      body: {
        code: 'missing_header',
        message: 'missing header webhook-signature (or svix-signature)',
      },
    });
  });

  it('verifies the Viber signature from ?sig= alone and from the header', async () => {
    const signed = signViber(AUTH_TOKEN, 'http://127.0.0.1/webhooks', BODY);
    const bySig = await post(viberServer.url, {}, BODY, new URL(signed.url).search);
    expect(bySig.status).toBe(200);
    expect(bySig.body.scheme).toBe('viber');
    const byHeader = await post(viberServer.url, { ...signed.headers });
    expect(byHeader.status).toBe(200);
    const wrong = await post(viberServer.url, {}, BODY, '?sig=00');
    expect(wrong.status).toBe(401);
  });
});

describe('hookline/verify middleware on express after express.json()', () => {
  it('says the body was parsed before it could be verified', async () => {
    const app = express();
    app.use(express.json());
    app.post('/webhooks', expressWebhook(standard), (_req, res) => void res.json({}));
    const server = await listen(createServer(app));
    try {
      const headers = standardWebhookHeaders([SECRET], 'msg_6', nowSec(), BODY);
      const res = await post(server.url, { ...headers });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('body_already_parsed');
    } finally {
      await server.close();
    }
  });
});
