import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  type Json,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

/** Attempts keep the request headers that were sent, for the console's timeline, minus credentials. */

const BASIC = `Basic ${Buffer.from('user:hunter2').toString('base64')}`;
let h: TestHookline;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  h = await startHookline();
});
afterAll(async () => {
  await h.close();
  await receiver.close();
  removeDataDirs();
});

describe('attempt request headers', () => {
  it('records what was sent, signatures included, Authorization and API keys redacted', async () => {
    const t = await createTenant(h, {
      url: `${receiver.url}/hook`,
      headers: { authorization: BASIC, 'x-api-key': 'k-123456', 'x-tenant': 'acme' },
    });
    const messageId = await sendMessage(h, t.appId, { hello: 'world' });
    await h.dispatcher.drainDue();
    const [received] = await receiver.waitFor(1);
    expect(received.headers.authorization).toBe(BASIC);

    const attempts = await h.api('GET', `/api/v1/apps/${t.appId}/messages/${messageId}/attempts`);
    const sent: Record<string, string> = attempts.body.data[0].requestHeaders;
    expect(sent['webhook-id']).toBe(messageId);
    expect(sent['webhook-signature']).toBe(received.headers['webhook-signature']);
    expect(sent['webhook-timestamp']).toBe(received.headers['webhook-timestamp']);
    expect(sent['x-tenant']).toBe('acme');
    expect(sent.authorization).toBe('Basic [redacted]');
    expect(sent['x-api-key']).toBe('[redacted]');

    const db = new Database(join(h.dataDir, 'hookline.db'), { readonly: true });
    try {
      const stored = JSON.stringify(db.prepare('SELECT request_headers FROM attempts').all());
      expect(stored).not.toContain(BASIC.slice(6));
      expect(stored).not.toContain('k-123456');
    } finally {
      db.close();
    }
  });

  it('simulator test attempts keep them too', async () => {
    const t = await createTenant(h, { url: `${receiver.url}/sim` });
    const res = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/simulate`, {
      eventType: 'message.status',
    });
    expect(res.status).toBe(200);
    const tests = await h.api(
      'GET',
      `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/test-attempts`,
    );
    const headers: Json = tests.body.data[0].requestHeaders;
    expect(headers['webhook-signature']).toMatch(/^v1,/);
  });
});
