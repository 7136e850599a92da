import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalEventTypes } from '../../../src/domain/events/index.js';
import { formatNames } from '../../../src/formats/registry.js';
import { hexHmac } from '../../../src/signing/hex-hmac.js';
import { viberSignature } from '../../../src/signing/viber-signature.js';
import { removeDataDirs } from '../../helpers/hookline-app.js';
import { startReceiver, status } from '../../helpers/receiver.js';
import { createAppWithKey, startInspectorHookline, type InspectorTest } from './harness.js';

let h: InspectorTest;
let appId: string;
let apiKey: string;
const VIBER_TOKEN = '4a5b6c7d8e9f0a1b-2c3d4e5f6a7b8c9d-0e1f2a3b4c5d6e7f';

beforeAll(async () => {
  h = await startInspectorHookline();
  ({ appId, apiKey } = await createAppWithKey(h));
});
afterAll(async () => {
  await h.close();
  removeDataDirs();
});

/** Options that make each format send as much as it can (Chat-API's switches are off by default). */
const OPTIONS: Record<string, Record<string, unknown>> = {
  chatapi: {
    ackNotificationsOn: true,
    statusNotificationsOn: true,
    chatUpdateOn: true,
    instanceId: '128634',
  },
  compose: { template: { headers: { 'x-event': '@{{event}}' } } },
};

/** The scheme each format signs with; a format added later may use any scheme, but must verify. */
const SCHEME: Record<string, string> = {
  standard: 'standard-webhooks',
  viber: 'viber',
  business: 'hex-hmac',
  routee: 'standard-webhooks',
  chatapi: 'standard-webhooks',
  compose: 'standard-webhooks',
};

/** What the platform formats are documented to carry; every other pair may send or not, but says why. */
const MUST_SEND: Record<string, string[]> = {
  standard: canonicalEventTypes(),
  compose: canonicalEventTypes(),
  viber: [
    'message.received',
    'message.status',
    'subscription.subscribed',
    'subscription.unsubscribed',
    'conversation.started',
  ],
  business: ['message.received', 'message.status', 'number.unsubscribed'],
  routee: ['message.status'],
  chatapi: ['message.received', 'message.status', 'instance.status', 'conversation.started'],
};
const MUST_NOT_SEND: Record<string, string[]> = {
  viber: ['instance.status', 'number.unsubscribed'],
  routee: ['message.received', 'subscription.subscribed'],
};

async function testEndpoint(format: string, token = apiKey) {
  const res = await h.api(
    'POST',
    `/api/v1/apps/${appId}/test-endpoint`,
    { format, formatOptions: OPTIONS[format] ?? {} },
    { token },
  );
  if (res.status !== 201)
    throw new Error(`test-endpoint ${format}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as {
    bin: { id: string; url: string };
    endpoint: { id: string; url: string; format: string };
    secret: string;
  };
}

describe('test endpoint', () => {
  it('creates a bin of the app and an endpoint delivering to it, with its secret once', async () => {
    const t = await testEndpoint('standard');
    expect(t.endpoint.url).toBe(t.bin.url);
    expect(t.bin.url).toBe(`${h.baseUrl}/in/${t.bin.id}`);
    expect(t.secret).toMatch(/^whsec_/);
    expect(t.endpoint).toMatchObject({ format: 'standard', retryPolicy: { preset: 'single' } });
    expect(
      (await h.api('GET', `/api/v1/bins/${t.bin.id}`, undefined, { token: apiKey })).body.appId,
    ).toBe(appId);
    expect((await h.api('GET', `/api/v1/apps/${appId}/endpoints/${t.endpoint.id}`)).status).toBe(
      200,
    );
  });

  it('refuses a bad format with a 400 naming the field and writes nothing', async () => {
    const before = (await h.api('GET', '/api/v1/bins?limit=250')).body.data.length;
    const res = await h.api('POST', `/api/v1/apps/${appId}/test-endpoint`, { format: 'telex' });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('format');
    const bad = await h.api('POST', `/api/v1/apps/${appId}/test-endpoint`, {
      bin: { responseStatus: 42 },
    });
    expect([bad.status, bad.body.details[0].field]).toEqual([400, 'bin.responseStatus']);
    expect((await h.api('GET', '/api/v1/bins?limit=250')).body.data.length).toBe(before);
  });
});

describe('simulator', () => {
  it('sends every canonical event in every format, signed so that the bin verifies it', async () => {
    await h.app.store.updateApp({
      ...(await h.app.store.getApp(appId))!,
      viberAuthToken: VIBER_TOKEN,
    });
    const sentPairs: string[] = [];
    for (const format of formatNames()) {
      const t = await testEndpoint(format);
      for (const eventType of canonicalEventTypes()) {
        const label = `${format} / ${eventType}`;
        const before = (await h.api('GET', `/api/v1/bins/${t.bin.id}/requests`)).body.data.length;
        const res = await h.api(
          'POST',
          `/api/v1/apps/${appId}/endpoints/${t.endpoint.id}/simulate`,
          { eventType },
          { token: apiKey },
        );
        expect(res.status, label).toBe(200);
        const requests = (await h.api('GET', `/api/v1/bins/${t.bin.id}/requests`)).body.data;
        if (!res.body.sent) {
          expect(res.body.reason, label).toContain(format);
          expect(res.body.attempt, label).toBeNull();
          expect(requests.length, label).toBe(before);
          continue;
        }
        sentPairs.push(label);
        expect(res.body.attempt, label).toMatchObject({
          statusCode: 200,
          errorKind: null,
          test: true,
          endpointId: t.endpoint.id,
          deliveryId: null,
        });
        expect(requests.length, label).toBe(before + 1);
        const detail = (await h.api('GET', `/api/v1/bins/${t.bin.id}/requests/${requests[0].id}`))
          .body;
        expect(detail.method, label).toBe(res.body.request.method);
        expect(detail.verification, label).toMatchObject({
          signed: true,
          verified: true,
          endpointId: t.endpoint.id,
        });
        if (SCHEME[format]) expect(detail.verification.scheme, label).toBe(SCHEME[format]);
        if (format === 'viber') expect(detail.verification.key, label).toBe('viber-auth-token');
        if (detail.bodyEncoding === 'utf8' && res.body.request.body !== null)
          expect(detail.body, label).toBe(res.body.request.body);
      }
    }
    for (const [format, types] of Object.entries(MUST_SEND)) {
      for (const type of types)
        expect(sentPairs, `${format} / ${type}`).toContain(`${format} / ${type}`);
    }
    for (const [format, types] of Object.entries(MUST_NOT_SEND)) {
      for (const type of types) expect(sentPairs).not.toContain(`${format} / ${type}`);
    }
  });

  it('signs so that independent verifiers agree (standardwebhooks library, plain HMACs)', async () => {
    const receiver = await startReceiver();
    try {
      const endpoint = async (format: string) => {
        const res = await h.api('POST', `/api/v1/apps/${appId}/endpoints`, {
          url: `${receiver.url}/hook`,
          format,
        });
        return res.body as { id: string; secret: string };
      };
      const standard = await endpoint('standard');
      const simulated = await h.api(
        'POST',
        `/api/v1/apps/${appId}/endpoints/${standard.id}/simulate`,
        { eventType: 'message.received' },
      );
      expect(simulated.body.attempt.statusCode).toBe(200);
      const [req] = receiver.requests;
      const verified = new Webhook(standard.secret).verify(
        req.body,
        req.headers as Record<string, string>,
      ) as { type: string };
      expect(verified.type).toBe('message.received');
      expect(req.headers['webhook-id']).toBe(simulated.body.messageId);

      const business = await endpoint('business');
      await h.api('POST', `/api/v1/apps/${appId}/endpoints/${business.id}/simulate`, {
        eventType: 'message.status',
      });
      expect(receiver.requests[1].headers.signature).toBe(
        hexHmac(business.secret, receiver.requests[1].body),
      );

      const viber = await endpoint('viber');
      await h.api('POST', `/api/v1/apps/${appId}/endpoints/${viber.id}/simulate`, {
        eventType: 'message.received',
      });
      expect(receiver.requests[2].headers['x-viber-content-signature']).toBe(
        viberSignature(VIBER_TOKEN, receiver.requests[2].body),
      );
    } finally {
      await receiver.close();
    }
  });

  it('merges overrides into the sample (null removes a field) and keeps 64-bit integers', async () => {
    const t = await testEndpoint('standard');
    const res = await h.api(
      'POST',
      `/api/v1/apps/${appId}/endpoints/${t.endpoint.id}/simulate`,
      '{"eventType":"message.received","overrides":{"message_token":9223372036854775807,"message":{"text":"custom"},"conversation":null}}',
    );
    expect(res.status).toBe(200);
    const [captured] = (await h.api('GET', `/api/v1/bins/${t.bin.id}/requests`)).body.data;
    expect(captured.body).toContain('"message_token":9223372036854775807');
    const body = JSON.parse(captured.body);
    expect(body.data.message).toEqual({
      type: 'text',
      text: 'custom',
      tracking_data: 'order-4521',
    });
    expect(body.data.sender.id).toBe('01234567890A=');
    expect(body.data).not.toHaveProperty('conversation');
  });

  it('refuses an unknown event type, bad overrides, or overrides breaking the schema, naming the field', async () => {
    const t = await testEndpoint('standard');
    const url = `/api/v1/apps/${appId}/endpoints/${t.endpoint.id}/simulate`;
    const cases: Array<[unknown, string]> = [
      [{ eventType: 'order.shipped' }, 'eventType'],
      [{}, 'eventType'],
      [{ eventType: 'message.received', overrides: [1] }, 'overrides'],
      [
        { eventType: 'message.received', overrides: { message: { type: 'hologram' } } },
        'overrides.message.type',
      ],
      [{ eventType: 'message.status', overrides: { status: 'failed' } }, 'overrides.reason'],
      [{ eventType: 'message.received', overrides: { sender: null } }, 'overrides.sender'],
      [{ eventType: 'message.received', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await h.api('POST', url, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        res.body.details.map((d: { field: string }) => d.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    expect((await h.api('GET', `/api/v1/bins/${t.bin.id}/requests`)).body.data).toEqual([]);
  });

  it('reports a down or failing receiver in the attempt, kept apart from real attempts', async () => {
    const receiver = await startReceiver(status(503, {}, 'maintenance'));
    const down = await h.api('POST', `/api/v1/apps/${appId}/endpoints`, {
      url: 'http://127.0.0.1:9/nothing-here',
    });
    const failing = await h.api('POST', `/api/v1/apps/${appId}/endpoints`, {
      url: receiver.url,
      filterTypes: ['message.status'],
    });
    try {
      const a = await h.api('POST', `/api/v1/apps/${appId}/endpoints/${down.body.id}/simulate`, {
        eventType: 'message.status',
      });
      expect(a.body.attempt).toMatchObject({
        statusCode: null,
        errorKind: 'connection',
        test: true,
      });
      const b = await h.api('POST', `/api/v1/apps/${appId}/endpoints/${failing.body.id}/simulate`, {
        eventType: 'message.received',
      });
      expect(b.body).toMatchObject({
        sent: true,
        matchesFilter: false,
        attempt: { statusCode: 503, errorKind: 'status', responseBody: 'maintenance' },
      });

      const tests = await h.api(
        'GET',
        `/api/v1/apps/${appId}/endpoints/${failing.body.id}/test-attempts`,
      );
      expect(tests.body.data).toMatchObject([
        { statusCode: 503, test: true, messageId: b.body.messageId },
      ]);
      const real = await h.api(
        'GET',
        `/api/v1/apps/${appId}/endpoints/${failing.body.id}/attempts`,
      );
      expect(real.body.data).toEqual([]);
      const deliveries = await h.api(
        'GET',
        `/api/v1/apps/${appId}/deliveries?endpointId=${failing.body.id}`,
      );
      expect(deliveries.body.data).toEqual([]);
      expect(
        (await h.api('GET', `/api/v1/apps/${appId}/messages/${b.body.messageId}`)).status,
      ).toBe(404);
    } finally {
      await receiver.close();
    }
  });

  it("keeps tenants apart: another app's endpoint is a 404", async () => {
    const other = await createAppWithKey(h, 'Other');
    const t = await testEndpoint('standard');
    const res = await h.api(
      'POST',
      `/api/v1/apps/${appId}/endpoints/${t.endpoint.id}/simulate`,
      { eventType: 'message.status' },
      { token: other.apiKey },
    );
    expect(res.status).toBe(404);
    const res2 = await h.api(
      'POST',
      `/api/v1/apps/${other.appId}/endpoints/${t.endpoint.id}/simulate`,
      { eventType: 'message.status' },
      { token: other.apiKey },
    );
    expect(res2.status).toBe(404);
  });
});

describe('verification of requests not made by Hookline', () => {
  it('says a forged signature does not verify, naming the scheme', async () => {
    const t = await testEndpoint('standard');
    const { request } = await import('undici');
    await request(t.bin.url, {
      method: 'POST',
      headers: {
        'webhook-id': 'msg_x',
        'webhook-timestamp': '1700000000',
        'webhook-signature': 'v1,AAAA',
        'content-type': 'application/json',
      },
      body: '{"type":"message.status","data":{}}',
    }).then((r) => r.body.dump());
    const [captured] = (await h.api('GET', `/api/v1/bins/${t.bin.id}/requests`)).body.data;
    const detail = (await h.api('GET', `/api/v1/bins/${t.bin.id}/requests/${captured.id}`)).body;
    expect(detail.verification).toMatchObject({
      signed: true,
      verified: false,
      scheme: 'standard-webhooks',
      endpointId: null,
    });
    expect(detail.verification.message).toContain('matches no key');
  });
});
