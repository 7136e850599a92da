import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tracingOn } from '../../src/lib/tracing.js';
import { createTenant, removeDataDirs, startHookline } from '../helpers/hookline-app.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

/**
 * OTLP export is off unless configured; configured, the spans reach the collector (a receiver on
 * 127.0.0.1 standing in for it) over OTLP/HTTP, flushed when Hookline closes.
 */
let receiver: Receiver;
let collector: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
  collector = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await collector.close();
  removeDataDirs();
});

describe('OTLP trace export', () => {
  it('is off by default', async () => {
    const h = await startHookline();
    try {
      expect(tracingOn()).toBe(false);
    } finally {
      await h.close();
    }
  });

  it('sends the spans of a delivery to HOOKLINE_OTLP_TRACES_URL', async () => {
    const h = await startHookline({ config: { otlpTracesUrl: `${collector.url}/v1/traces` } });
    let messageId: string;
    try {
      expect(tracingOn()).toBe(true);
      const t = await createTenant(h, { url: `${receiver.url}/hook` });
      const res = await h.api('POST', `/api/v1/apps/${t.appId}/messages`, {
        eventType: 'message.status',
        payload: {},
      });
      messageId = res.body.id;
      await h.dispatcher.drainDue();
    } finally {
      await h.close(); // flushes the batch
    }
    expect(tracingOn()).toBe(false);
    const exports = collector.requests.filter((r) => r.url === '/v1/traces');
    expect(exports.length).toBeGreaterThan(0);
    const body = exports.map((r) => r.body).join('\n');
    for (const name of ['hookline.ingest', 'hookline.deliver', 'hookline.http', 'hookline.commit'])
      expect(body).toContain(name);
    expect(body).toContain(messageId);
    expect(body).toContain('"service.name"');
  });
});
