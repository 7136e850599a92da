import { describe, expect, it } from 'vitest';
import { createTenant, sendMessage } from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';

const { h, receiver } = useHooklineFixture();

describe('payload filters', () => {
  it('deliver only the messages whose payload matches, decided at acceptance', async () => {
    const t = await createTenant(h, {
      url: receiver.url,
      filterTypes: ['message.*'],
      filter: { status: { $in: ['failed', 'expired'] }, channel: 'viber' },
    });
    const send = async (payload: Record<string, unknown>) => {
      const r = await h.api('POST', `/api/v1/apps/${t.appId}/messages`, {
        eventType: 'message.status',
        payload,
      });
      expect(r.status).toBe(202);
      return r.body.deliveries as number;
    };
    expect(await send({ status: 'failed', channel: 'viber' })).toBe(1);
    expect(await send({ status: 'delivered', channel: 'viber' })).toBe(0);
    expect(await send({ status: 'failed', channel: 'sms' })).toBe(0);
    expect(await send({ status: 'expired', channel: 'viber' })).toBe(1);
    await h.dispatcher.drainDue();
    expect(receiver.requests.map((r) => JSON.parse(r.body).data.status)).toEqual([
      'failed',
      'expired',
    ]);
  });

  it('refuse a bad filter with a 400 naming the operator and path, and write nothing', async () => {
    const app = await h.api('POST', '/api/v1/apps', { name: 'f' });
    const r = await h.api('POST', `/api/v1/apps/${app.body.id}/endpoints`, {
      url: receiver.url,
      filter: { data: { status: { $regex: 'fail.*' } } },
    });
    expect(r.status).toBe(400);
    expect(r.body.details[0].field).toBe('filter.data.status.$regex');
    expect(r.body.message).toContain('unknown operator $regex');
    const list = await h.api('GET', `/api/v1/apps/${app.body.id}/endpoints`);
    expect(list.body.data).toEqual([]);

    const path = await h.api('POST', `/api/v1/apps/${app.body.id}/endpoints`, {
      url: receiver.url,
      ordering: 'per-key',
      orderingKeyPath: 'sender..id',
    });
    expect(path.status).toBe(400);
    expect(path.body.details[0].field).toBe('orderingKeyPath');
  });

  it('can be changed and removed on an existing endpoint', async () => {
    const t = await createTenant(h, { url: receiver.url, filter: { ok: true } });
    const url = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`;
    expect((await h.api('GET', url)).body.filter).toEqual({ ok: true });
    expect((await h.api('PATCH', url, { filter: null })).body.filter).toBeNull();
    await sendMessage(h, t.appId, { ok: false });
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(1);
  });
});

describe('message lists', () => {
  it('take the same wildcards as endpoint filters', async () => {
    const t = await createTenant(h, { url: receiver.url });
    await sendMessage(h, t.appId, { n: 1 }, 'message.status');
    await sendMessage(h, t.appId, { n: 2 }, 'message.received');
    await sendMessage(h, t.appId, { n: 3 }, 'messages.other');
    await sendMessage(h, t.appId, { n: 4 }, 'message_x.status');
    const list = async (q: string) =>
      (await h.api('GET', `/api/v1/apps/${t.appId}/messages?eventType=${q}`)).body.data.map(
        (m: { eventType: string }) => m.eventType,
      );
    expect((await list('message.*')).sort()).toEqual(['message.received', 'message.status']);
    expect(await list('message.status')).toEqual(['message.status']);
    expect(await list('*')).toHaveLength(4);
    const bad = await h.api('GET', `/api/v1/apps/${t.appId}/messages?eventType=message.*.x`);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('eventType');
  });
});
