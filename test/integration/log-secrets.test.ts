import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { closedPort } from '../helpers/free-port.js';
import {
  ADMIN_TOKEN,
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, status, type Receiver } from '../helpers/receiver.js';

/** Every line Hookline logs, at the most verbose level, with request logging on. */
function captureLogs() {
  const lines: string[] = [];
  const logger = createLogger('trace', { write: (line: string) => void lines.push(line) });
  return {
    logger,
    lines,
    parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

const METRICS_TOKEN = 'metrics-token-kept-out-of-logs-0123';
const ENCRYPTION_KEY = Buffer.alloc(32, 'log-secrets').toString('base64');

let h: TestHookline | undefined;
const receivers: Receiver[] = [];
afterEach(async () => {
  await h?.close();
  for (const r of receivers.splice(0)) await r.close();
});
afterAll(removeDataDirs);

describe('logs', () => {
  it('never carry a secret or token, with request logging on and every level logged', async () => {
    const logs = captureLogs();
    h = await startHookline({
      logger: logs.logger,
      config: {
        logRequests: true,
        metricsToken: METRICS_TOKEN,
        logLevel: 'trace',
        encryptionKey: ENCRYPTION_KEY,
      },
    });
    // A receiver that answers 500, and a bot receiver that passes the handshake.
    const failing = await startReceiver(status(500, {}, 'nope'));
    const bot = await startReceiver({
      kind: 'handler',
      handle: (req, res) => {
        const challenge = new URL(req.url, 'http://x').searchParams.get('challenge') ?? '';
        res.writeHead(200, { 'content-type': 'text/plain' }).end(challenge);
      },
    });
    receivers.push(failing, bot);
    const secrets: string[] = [ADMIN_TOKEN, METRICS_TOKEN, ENCRYPTION_KEY];

    const t = await createTenant(h, {
      url: `${failing.url}/hook`,
      retryPolicy: { preset: 'single' },
    });
    secrets.push(t.apiKey, t.secret);
    const rotated = await h.api(
      'POST',
      `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/secret/rotate`,
      {},
    );
    if (rotated.status < 300 && typeof rotated.body?.secret === 'string')
      secrets.push(rotated.body.secret);
    // Basic-auth credentials in an endpoint's headers, to a port where nothing listens.
    const basicAuth = Buffer.from('hook-user:basic-pass-0123456789').toString('base64');
    const basic = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints`, {
      url: `http://127.0.0.1:${await closedPort()}/hook`,
      headers: { Authorization: `Basic ${basicAuth}` },
      retryPolicy: { preset: 'single' },
    });
    expect(basic.status, JSON.stringify(basic.body)).toBe(201);
    secrets.push('basic-pass-0123456789', basicAuth);

    // Two messages (one sent with the app key) to both endpoints: four deliveries fail, logged.
    await h.api(
      'POST',
      `/api/v1/apps/${t.appId}/messages`,
      { eventType: 'message.delivered', payload: { n: 1 } },
      { token: t.apiKey },
    );
    await sendMessage(h, t.appId, { n: 2 });
    await h.dispatcher.drainDue();

    // The app's Viber token, used on /pa/* (and a wrong one).
    const viber = await h.api('POST', `/api/v1/apps/${t.appId}/viber-token`, {});
    expect(viber.status).toBe(200);
    const viberToken = viber.body.viberAuthToken as string;
    secrets.push(viberToken);
    for (const token of [viberToken, 'wrong-viber-token-0123456789']) {
      await h.app.server.inject({
        method: 'POST',
        url: '/pa/get_account_info',
        headers: { 'x-viber-auth-token': token, 'content-type': 'application/json' },
        payload: '{}',
      });
    }

    // A bot connection with a token and Basic-auth credentials.
    const connection = await h.app.server.inject({
      method: 'POST',
      url: '/v2/integrations/webhook',
      headers: { authorization: `Bearer ${t.apiKey}` },
      payload: {
        storyId: '634fef70c56fd000073f5730',
        name: 'Tracking',
        url: `${bot.url}/bot`,
        token: 'bot-token-kept-out-0123456789',
        auth: { username: 'bot-user', password: 'bot-pass-kept-out-0123456789' },
      },
    });
    expect(connection.statusCode, connection.body).toBe(201);
    secrets.push('bot-token-kept-out-0123456789', 'bot-pass-kept-out-0123456789');

    // Wrong and right tokens on the API and on /metrics; tokens in a query string.
    await h.api('GET', '/api/v1/apps', undefined, { token: 'not-a-token-0123456789abcdef' });
    await h.app.server.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    await h.app.server.inject({ method: 'GET', url: `/api/v1/apps?token=${t.apiKey}&limit=1` });

    const text = logs.lines.join('');
    // Not vacuous: requests and failed deliveries were logged, at several levels.
    const parsed = logs.parsed();
    expect(parsed.filter((l) => l.msg === 'incoming request').length).toBeGreaterThan(8);
    expect(parsed.some((l) => l.msg === 'request completed')).toBe(true);
    expect(
      parsed.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('delivery failed')).length,
    ).toBe(4);
    expect(text).toContain('[redacted]'); // the query-string token
    for (const secret of secrets) expect(text, `a log line holds ${secret}`).not.toContain(secret);
  });

  it('every line about a delivery carries the app, endpoint, message, delivery and attempt ids', async () => {
    const logs = captureLogs();
    h = await startHookline({ logger: logs.logger, config: { logLevel: 'trace' } });
    const failing = await startReceiver(status(503));
    receivers.push(failing);
    const t = await createTenant(h, {
      url: failing.url,
      retryPolicy: { preset: 'custom', waitsMs: [1000] },
    });
    const messageId = await sendMessage(h, t.appId, { n: 1 });
    await h.dispatcher.drainDue();
    h.clock.advance(1000);
    await h.dispatcher.drainDue();

    const about = logs.parsed().filter((l) => l.deliveryId !== undefined);
    expect(about.map((l) => l.msg)).toEqual([
      'attempt failed; retry scheduled',
      expect.stringMatching(/^delivery failed: /),
    ]);
    about.forEach((line, i) =>
      expect(line).toMatchObject({
        appId: t.appId,
        endpointId: t.endpointId,
        messageId,
        deliveryId: expect.any(Number),
        attempt: i + 1,
      }),
    );
  });
});
