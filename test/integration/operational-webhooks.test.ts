import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTenant, sendMessage } from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';
import { startReceiver, status, type Receiver } from '../helpers/receiver.js';
import { signedBy } from '../helpers/signatures.js';

const { h, receiver, restartHookline } = useHooklineFixture();
const MINUTE = 60_000;

/** The operator's side: the operational app (uid hookline-operational) and one endpoint of it. */
async function operationalEndpoint(url: string) {
  const app = await h.api('POST', '/api/v1/apps', { name: 'ops', uid: 'hookline-operational' });
  expect(app.status).toBe(201);
  const ep = await h.api('POST', `/api/v1/apps/${app.body.id}/endpoints`, {
    url,
    retryPolicy: { preset: 'custom', waitsMs: [MINUTE] },
  });
  expect(ep.status).toBe(201);
  return { appId: app.body.id as string, endpointId: ep.body.id as string, secret: ep.body.secret };
}

describe('operational webhooks: Hookline tells the operator about its endpoints', () => {
  let ops: Receiver;
  beforeEach(async () => {
    await restartHookline({ config: { failingAfter: 2 } });
    ops = await startReceiver();
  });
  afterEach(() => ops.close());

  /** Drains deliveries, lets operational events be accepted, and drains their deliveries too. */
  async function settle() {
    await h.dispatcher.drainDue();
    await h.app.operational.settled();
    await h.dispatcher.drainDue();
  }
  const received = () =>
    ops.requests.map((r) => ({ type: JSON.parse(r.body).type, data: JSON.parse(r.body).data }));

  it('failing, recovered, disabled (410), enabled and exhausted, signed like any delivery', async () => {
    const op = await operationalEndpoint(ops.url);
    const t = await createTenant(h, {
      url: receiver.url,
      retryPolicy: { preset: 'custom', waitsMs: [MINUTE, MINUTE, MINUTE] },
    });
    const about = { appId: t.appId, endpointId: t.endpointId, url: receiver.url };

    receiver.script(status(500), status(500), status(200));
    await sendMessage(h, t.appId, { i: 0 });
    await settle();
    expect(received()).toEqual([]); // one failure: not failing yet
    h.clock.advance(MINUTE);
    await settle();
    expect(received()).toMatchObject([
      { type: 'endpoint.failing', data: { ...about, consecutiveFailures: 2 } },
    ]);
    h.clock.advance(MINUTE);
    await settle();
    expect(received()[1]).toMatchObject({
      type: 'endpoint.recovered',
      data: { ...about, failures: 2 },
    });

    // Exhausted: a delivery that fails its last attempt.
    receiver.setDefault(status(500));
    await sendMessage(h, t.appId, { i: 1 });
    for (let i = 0; i < 4; i++) {
      await settle();
      h.clock.advance(MINUTE);
    }
    const types = received().map((e) => e.type);
    expect(types).toContain('message.attempt.exhausted');
    expect(types.filter((x) => x === 'endpoint.failing')).toHaveLength(2);

    // 410 Gone: endpoint.disabled; enabling by hand: endpoint.enabled.
    receiver.setDefault(status(410));
    await sendMessage(h, t.appId, { i: 2 });
    await settle();
    expect(received().at(-1)).toMatchObject({
      type: 'endpoint.disabled',
      data: { ...about, reason: 'gone' },
    });
    await h.api('PATCH', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`, { disabled: false });
    await settle();
    expect(received().at(-1)).toMatchObject({ type: 'endpoint.enabled', data: about });

    // Each is a message of the operational app, signed with its endpoint's secret.
    expect(ops.requests.every((r) => signedBy(op.secret, r))).toBe(true);
    const messages = await h.api('GET', `/api/v1/apps/${op.appId}/messages?limit=50`);
    expect(messages.body.data).toHaveLength(ops.requests.length);
  });

  it(
    'Viber set_webhook switching its webhook on and off reports enabled and disabled',
    { timeout: 120_000 },
    async () => {
      await restartHookline({ config: { failingAfter: 2, viberAllowHttp: true } });
      await operationalEndpoint(ops.url);
      const app = await h.api('POST', '/api/v1/apps', { name: 'shop' });
      const token = await h.api('POST', `/api/v1/apps/${app.body.id}/viber-token`, undefined, {
        token: app.body.apiKey,
      });
      const setWebhook = async (url: string) => {
        const reply = await h.api(
          'POST',
          '/pa/set_webhook',
          { url },
          { headers: { 'x-viber-auth-token': token.body.viberAuthToken } },
        );
        expect(reply.body.status, JSON.stringify(reply.body)).toBe(0);
      };
      await setWebhook(receiver.url); // created: no event
      const [webhook] = (await h.api('GET', `/api/v1/apps/${app.body.id}/endpoints`)).body.data;
      const about = { appId: app.body.id, endpointId: webhook.id, url: receiver.url };
      await h.api('PATCH', `/api/v1/apps/${app.body.id}/endpoints/${webhook.id}`, {
        disabled: true,
      });
      await settle();
      expect(received()).toMatchObject([{ type: 'endpoint.disabled', data: { ...about } }]);

      await setWebhook(receiver.url); // the disabled webhook is switched on again
      await settle();
      expect(received()[1]).toMatchObject({ type: 'endpoint.enabled', data: about });
      await setWebhook(''); // removed: switched off, kept
      await settle();
      expect(received()[2]).toMatchObject({
        type: 'endpoint.disabled',
        data: { ...about, reason: 'manual', failingSince: null },
      });
      expect(received()).toHaveLength(3);
    },
  );

  it('a failing operational endpoint makes no events about itself', async () => {
    const op = await operationalEndpoint(ops.url);
    ops.setDefault(status(410));
    const t = await createTenant(h, { url: receiver.url });
    receiver.script(status(410));
    await sendMessage(h, t.appId, {});
    await settle(); // the tenant endpoint is gone: endpoint.disabled goes to ops, which is gone too
    await settle();
    const opsEndpoint = await h.api('GET', `/api/v1/apps/${op.appId}/endpoints/${op.endpointId}`);
    expect(opsEndpoint.body).toMatchObject({ disabled: true, disabledReason: 'gone' });
    const messages = await h.api('GET', `/api/v1/apps/${op.appId}/messages?limit=50`);
    expect(messages.body.data.map((m: { eventType: string }) => m.eventType)).toEqual([
      'endpoint.disabled',
    ]);
  });

  it('sends nothing while no operational app exists', async () => {
    receiver.script(status(410));
    const t = await createTenant(h, { url: receiver.url });
    await sendMessage(h, t.appId, {});
    await settle();
    const apps = await h.api('GET', '/api/v1/apps');
    expect(apps.body.data).toHaveLength(1);
  });
});
