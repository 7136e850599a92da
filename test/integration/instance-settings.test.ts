import { describe, expect, it } from 'vitest';
import { canonicalEvent } from '../../src/domain/events/catalog.js';
import { stringifyJson } from '../../src/lib/json.js';
import { createTenant } from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';
import { status } from '../helpers/receiver.js';

const { h, receiver } = useHooklineFixture();

/**
 * Page 003 (Chat-API), "Additional Webhook Settings": statusNotificationsOn, ackNotificationsOn,
 * chatUpdateOn, videoUploadOn, guaranteedHooks, parallelHooks — settings of the instance, here
 * per app, and per endpoint.
 */
describe('Chat-API instance settings per app', () => {
  it('the switches set on the app apply to its chatapi endpoints; an endpoint setting wins', async () => {
    const t = await createTenant(h, { url: receiver.url, format: 'chatapi' });
    const own = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints`, {
      url: `${receiver.url}/own`,
      format: 'chatapi',
      formatOptions: { guaranteedHooks: false, ackNotificationsOn: false },
    });
    const plain = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints`, {
      url: `${receiver.url}/plain`,
    });
    expect((await h.api('GET', `/api/v1/apps/${t.appId}/instance-settings`)).body).toEqual({});

    const put = await h.api('PUT', `/api/v1/apps/${t.appId}/instance-settings`, {
      ackNotificationsOn: true,
      guaranteedHooks: true,
      parallelHooks: false,
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      ackNotificationsOn: true,
      guaranteedHooks: true,
      parallelHooks: false,
    });
    expect((await h.api('GET', `/api/v1/apps/${t.appId}/instance-settings`)).body).toEqual(
      put.body,
    );

    const endpoint = async (id: string) =>
      (await h.api('GET', `/api/v1/apps/${t.appId}/endpoints/${id}`)).body;
    // guaranteedHooks: "up to 20 attempts"; parallelHooks off: hooks queue up (serial).
    expect(await endpoint(t.endpointId)).toMatchObject({
      retryPolicy: { preset: 'chatapi-guaranteed' },
      ordering: 'serial',
    });
    // Its own guaranteedHooks false: "one attempt".
    expect(await endpoint(own.body.id)).toMatchObject({
      retryPolicy: { preset: 'chatapi-single' },
      ordering: 'serial',
    });
    // Not chatapi: untouched.
    expect(await endpoint(plain.body.id)).toMatchObject({
      retryPolicy: { preset: 'standard' },
      ordering: 'parallel',
    });

    // ackNotificationsOn from the app: the ack is sent to the first endpoint, not to `own`.
    const sample = canonicalEvent('message.status')?.sample;
    await h.api('POST', `/api/v1/apps/${t.appId}/events`, {
      type: 'message.status',
      data: JSON.parse(stringifyJson(sample).replace(/"message_token":\d+/, '"message_token":1')),
    });
    await h.dispatcher.drainDue();
    const acks = receiver.requests.filter((r) => r.body.startsWith('{"ack":'));
    expect(acks.map((r) => r.url)).toEqual(['/']);

    // A new chatapi endpoint takes the app's settings when it is saved.
    const later = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints`, {
      url: `${receiver.url}/later`,
      format: 'chatapi',
    });
    expect(later.body).toMatchObject({
      retryPolicy: { preset: 'chatapi-guaranteed' },
      ordering: 'serial',
    });
  });

  it('guaranteedHooks from the app: a failing hook is tried up to 20 times', async () => {
    receiver.setDefault(status(500));
    const t = await createTenant(h, { url: receiver.url, format: 'chatapi' });
    await h.api('PUT', `/api/v1/apps/${t.appId}/instance-settings`, { guaranteedHooks: true });
    await h.api('POST', `/api/v1/apps/${t.appId}/events`, {
      type: 'message.received',
      data: JSON.parse(stringifyJson(canonicalEvent('message.received')?.sample)),
    });
    for (let i = 0; i < 25; i++) {
      await h.dispatcher.drainDue();
      h.clock.advance(3600_000);
    }
    expect(receiver.requests).toHaveLength(20);
  });

  it('refuses what is not a switch, naming the field', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const bad = await h.api('PUT', `/api/v1/apps/${t.appId}/instance-settings`, {
      videoUploadOn: 'yes',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('videoUploadOn');
    const unknown = await h.api('PUT', `/api/v1/apps/${t.appId}/instance-settings`, {
      webhookUrl: 'x',
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('webhookUrl');
  });
});
