import { ApiException, MessageStatus, Svix, Webhook } from 'svix';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  removeDataDirs,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, status, type Receiver } from '../helpers/receiver.js';

/**
 * The official `svix` npm SDK, pointed at a Hookline listening on 127.0.0.1 by its server URL
 * alone, drives the Svix-compatible API end to end. The test moves the fake clock and drains the
 * dispatcher; everything else goes over HTTP through the SDK.
 */
let h: TestHookline;
let receiver: Receiver;
let svix: Svix;
let baseUrl: string;

beforeEach(async () => {
  receiver = await startReceiver();
  h = await startHookline({ config: { host: '127.0.0.1', port: 0 } });
  baseUrl = await h.app.listen();
  svix = new Svix(ADMIN_TOKEN, { serverUrl: baseUrl });
});

afterEach(async () => {
  await h.close();
  await receiver.close();
  removeDataDirs();
});

const PAYLOAD = { id: 'a418d672', status: 'delivered' };

async function apiError(call: Promise<unknown>): Promise<ApiException<Record<string, unknown>>> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiException);
  return error as ApiException<Record<string, unknown>>;
}

describe('the svix SDK against Hookline', () => {
  it('creates an app and an endpoint, sends, lists attempts, resends, rotates and verifies with Webhook', async () => {
    const app = await svix.application.create({ name: 'acme', metadata: { plan: 'pro' } });
    expect(app).toMatchObject({ name: 'acme', metadata: { plan: 'pro' } });
    expect(app.createdAt).toBeInstanceOf(Date);
    expect(await svix.application.get(app.id)).toMatchObject({ id: app.id, name: 'acme' });

    const endpoint = await svix.endpoint.create(app.id, {
      url: `${receiver.url}/webhooks`,
      filterTypes: ['message.status'],
      description: 'status callbacks',
    });
    expect(endpoint).toMatchObject({ url: `${receiver.url}/webhooks`, version: 1 });
    const { key: firstKey } = await svix.endpoint.getSecret(app.id, endpoint.id);
    expect(firstKey).toMatch(/^whsec_/);

    const message = await svix.message.create(app.id, {
      eventType: 'message.status',
      payload: PAYLOAD,
      eventId: 'evt_1',
    });
    expect(message).toMatchObject({
      eventType: 'message.status',
      eventId: 'evt_1',
      payload: PAYLOAD,
    });
    await h.dispatcher.drainDue();
    const [delivered] = receiver.requests;
    expect(
      new Webhook(firstKey).verify(delivered.body, delivered.headers as Record<string, string>),
    ).toMatchObject({
      type: 'message.status',
      data: PAYLOAD,
    });

    const byMessage = await svix.messageAttempt.listByMsg(app.id, message.id);
    expect(byMessage.done).toBe(true);
    expect(byMessage.data).toHaveLength(1);
    expect(byMessage.data[0]).toMatchObject({
      msgId: message.id,
      endpointId: endpoint.id,
      status: MessageStatus.Success,
      responseStatusCode: 200,
      url: `${receiver.url}/webhooks`,
    });
    expect(byMessage.data[0].timestamp).toBeInstanceOf(Date);
    const one = await svix.messageAttempt.get(app.id, message.id, byMessage.data[0].id);
    expect(one.id).toBe(byMessage.data[0].id);

    await svix.messageAttempt.resend(app.id, message.id, endpoint.id);
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1].headers['webhook-id']).toBe(message.id);
    const byEndpoint = await svix.messageAttempt.listByEndpoint(app.id, endpoint.id);
    expect(byEndpoint.data.map((a) => a.status)).toEqual([
      MessageStatus.Success,
      MessageStatus.Success,
    ]);

    await svix.endpoint.rotateSecret(app.id, endpoint.id, {});
    const { key: secondKey } = await svix.endpoint.getSecret(app.id, endpoint.id);
    expect(secondKey).not.toBe(firstKey);
    const second = await svix.message.create(app.id, {
      eventType: 'message.status',
      payload: PAYLOAD,
    });
    expect(second.eventId).toBeNull();
    await h.dispatcher.drainDue();
    const rotated = receiver.requests[2];
    for (const key of [firstKey, secondKey])
      expect(() =>
        new Webhook(key).verify(rotated.body, rotated.headers as Record<string, string>),
      ).not.toThrow();
  });

  it('recovers failed deliveries of an endpoint', async () => {
    const app = await svix.application.create({ name: 'acme' });
    const endpoint = await svix.endpoint.create(app.id, { url: receiver.url });
    receiver.setDefault(status(500));
    const message = await svix.message.create(app.id, {
      eventType: 'message.status',
      payload: PAYLOAD,
    });
    // Its schedule ends within two days: failed, and still enabled (disabled after 5 days).
    for (let day = 0; day < 3; day++) {
      await h.dispatcher.drainDue();
      h.clock.advance(24 * 3600_000);
    }
    const failed = await svix.messageAttempt.listByMsg(app.id, message.id, { limit: 250 });
    expect(failed.data.length).toBeGreaterThan(1);
    expect(
      failed.data.every((a) => a.status === MessageStatus.Fail && a.responseStatusCode === 500),
    ).toBe(true);

    receiver.setDefault(status(200));
    const task = await svix.endpoint.recover(app.id, endpoint.id, { since: new Date(0) });
    expect(task).toMatchObject({ status: 'finished', task: 'endpoint.recover' });
    await h.dispatcher.drainDue();
    const after = await svix.messageAttempt.listByMsg(app.id, message.id, { limit: 1 });
    expect(after.data[0]).toMatchObject({ status: MessageStatus.Success, responseStatusCode: 200 });
  });

  it('pages with iterators, and answers Svix error bodies', async () => {
    for (const name of ['a', 'b', 'c']) await svix.application.create({ name });
    const first = await svix.application.list({ limit: 2 });
    expect(first).toMatchObject({ done: false });
    expect(first.data).toHaveLength(2);
    const second = await svix.application.list({ limit: 2, iterator: first.iterator });
    expect(second.done).toBe(true);
    expect(second.data.map((a) => a.name)).toEqual(['a']);

    const missing = await apiError(svix.application.get('app_missing'));
    expect(missing.code).toBe(404);
    expect(missing.body).toEqual({ code: 'not_found', detail: 'app app_missing not found' });

    const app = first.data[0];
    const invalid = await apiError(svix.endpoint.create(app.id, { url: 'ftp://example.invalid/' }));
    expect(invalid.code).toBe(422);
    expect(invalid.body).toEqual({
      detail: [{ loc: ['body', 'url'], msg: expect.stringMatching(/ftp/), type: 'value_error' }],
    });
    const unsupported = await apiError(
      svix.endpoint.create(app.id, { url: receiver.url, channels: ['vip'] }),
    );
    expect(unsupported.code).toBe(422);
    expect(unsupported.body.detail).toEqual([
      expect.objectContaining({
        loc: ['body', 'channels'],
        msg: expect.stringMatching(/not supported/),
      }),
    ]);

    const filtered = await apiError(
      svix.messageAttempt.listByEndpoint(app.id, 'ep_any', { status: MessageStatus.Fail }),
    );
    expect(filtered.code).toBe(422);
    expect(filtered.body.detail).toEqual([expect.objectContaining({ loc: ['query', 'status'] })]);

    const denied = await apiError(
      new Svix('wrong-token', { serverUrl: baseUrl }).application.list(),
    );
    expect(denied.code).toBe(401);
    expect(denied.body).toMatchObject({ code: 'unauthorized' });
  });

  it('serves endpoint headers, event types, and says what it does not support', async () => {
    const app = await svix.application.create({ name: 'acme' });
    const endpoint = await svix.endpoint.create(app.id, {
      url: receiver.url,
      headers: { 'x-tenant': '7' },
    });
    expect(await svix.endpoint.getHeaders(app.id, endpoint.id)).toEqual({
      headers: { 'x-tenant': '7' },
      sensitive: [],
    });
    await svix.endpoint.patchHeaders(app.id, endpoint.id, {
      headers: { 'x-region': 'eu' },
      deleteHeaders: ['x-tenant'],
    });
    expect((await svix.endpoint.getHeaders(app.id, endpoint.id)).headers).toEqual({
      'x-region': 'eu',
    });
    await svix.message.create(app.id, { eventType: 'message.status', payload: PAYLOAD });
    await h.dispatcher.drainDue();
    expect(receiver.requests[0].headers['x-region']).toBe('eu');

    const types = await svix.eventType.list({ limit: 250 });
    expect(types.done).toBe(true);
    expect(types.data.map((t) => t.name)).toContain('message.status');
    expect((await svix.eventType.get('message.status')).schemas).toBeTruthy();
    const create = await apiError(
      svix.eventType.create({ name: 'invoice.paid', description: 'x' }),
    );
    expect(create.code).toBe(405);
    expect(create.body).toMatchObject({ code: 'not_supported' });
  });

  it('addresses apps, endpoints and messages by uid, and refuses a uid taken or shaped like an id', async () => {
    const app = await svix.application.create({ name: 'acme', uid: 'acme-prod' });
    expect(app.uid).toBe('acme-prod');
    expect(await svix.application.get('acme-prod')).toMatchObject({ id: app.id });
    expect(await svix.application.getOrCreate({ name: 'other', uid: 'acme-prod' })).toMatchObject({
      id: app.id,
      name: 'acme',
    });
    const taken = await apiError(svix.application.create({ name: 'again', uid: 'acme-prod' }));
    expect(taken.code).toBe(409);
    expect(taken.body).toMatchObject({ code: 'uid_taken' });
    const idShaped = await apiError(svix.application.create({ name: 'x', uid: 'app_1' }));
    expect(idShaped.code).toBe(422);
    expect(idShaped.body.detail).toEqual([expect.objectContaining({ loc: ['body', 'uid'] })]);
    const badChars = await apiError(svix.application.create({ name: 'x', uid: 'a b' }));
    expect(badChars.code).toBe(422);

    const endpoint = await svix.endpoint.create('acme-prod', { url: receiver.url, uid: 'main' });
    expect(endpoint.uid).toBe('main');
    expect(await svix.endpoint.get('acme-prod', 'main')).toMatchObject({ id: endpoint.id });
    await svix.endpoint.patch('acme-prod', 'main', { description: 'renamed' });
    expect((await svix.endpoint.get(app.id, endpoint.id)).description).toBe('renamed');
    const sameUid = await apiError(
      svix.endpoint.create(app.id, { url: receiver.url, uid: 'main' }),
    );
    expect(sameUid.code).toBe(409);

    const message = await svix.message.create('acme-prod', {
      eventType: 'message.status',
      payload: PAYLOAD,
      eventId: 'order-7',
    });
    expect(await svix.message.get('acme-prod', 'order-7')).toMatchObject({ id: message.id });
    await h.dispatcher.drainDue();
    await svix.messageAttempt.resend('acme-prod', 'order-7', 'main');
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(2);
    const attempts = await svix.messageAttempt.listByEndpoint('acme-prod', 'main');
    expect(attempts.data).toHaveLength(2);

    await svix.application.update('acme-prod', { name: 'acme', uid: 'acme-eu' });
    expect((await svix.application.get(app.id)).uid).toBe('acme-eu');
    expect((await apiError(svix.application.get('acme-prod'))).code).toBe(404);
    await svix.application.delete('acme-eu');
    expect((await apiError(svix.application.get(app.id))).code).toBe(404);
  });

  it('keeps an app key to its own app when addressing by uid', async () => {
    await svix.application.create({ name: 'mine', uid: 'mine' });
    const native = await fetch(`${baseUrl}/api/v1/apps`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'tenant' }),
    });
    const { apiKey } = (await native.json()) as { apiKey: string };
    const tenant = new Svix(apiKey, { serverUrl: baseUrl });
    expect((await apiError(tenant.application.get('mine'))).code).toBe(404);
    expect((await apiError(tenant.endpoint.list('mine'))).code).toBe(404);
  });

  it('opens a portal link with appPortalAccess, creating the app when asked', async () => {
    const app = await svix.application.create({ name: 'acme' });
    const access = await svix.authentication.appPortalAccess(app.id, { expiry: 3600 });
    expect(access.url.endsWith(`/portal#${access.token}`)).toBe(true);
    const exchanged = await fetch(`${baseUrl}/api/v1/portal/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: access.token }),
    });
    expect(exchanged.status).toBe(201);
    expect(await exchanged.json()).toMatchObject({ appId: app.id, appName: 'acme' });

    const created = await svix.authentication.appPortalAccess('customer-42', {
      application: { name: 'Customer 42' },
    });
    expect(created.token).toMatch(/^hlpl_/);
    expect(await svix.application.get('customer-42')).toMatchObject({ name: 'Customer 42' });

    const missing = await apiError(svix.authentication.appPortalAccess('nobody', {}));
    expect(missing.code).toBe(404);
    const readOnly = await apiError(
      svix.authentication.appPortalAccess(app.id, { readOnly: true }),
    );
    expect(readOnly.code).toBe(422);
    expect(readOnly.body.detail).toEqual([expect.objectContaining({ loc: ['body', 'readOnly'] })]);
    const tooLong = await apiError(svix.authentication.appPortalAccess(app.id, { expiry: 60 }));
    expect(tooLong.code).toBe(422);
  });
});
