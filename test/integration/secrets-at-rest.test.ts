import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SecretBox } from '../../src/lib/secret-box.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { newSigningKey } from '../../src/signing/ed25519-keys.js';
import { newWebhookSecret } from '../../src/lib/ids.js';
import {
  createTenant,
  removeDataDirs,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';
import { closedPort } from '../helpers/free-port.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

/**
 * Every kind of secret a tenant hands Hookline, written through the API: endpoint HMAC secrets (and
 * the one rotated out, kept for its grace period), an ed25519 `whsk_` key, Basic-auth credentials in
 * an endpoint's headers, the app's Viber token, a bot connection's token, password and header.
 * Returns them, to look for in what the store keeps.
 */
async function storeEverySecret(h: TestHookline): Promise<string[]> {
  const hook = `http://127.0.0.1:${await closedPort()}/hook`;
  // A bot receiver that passes the connection's handshake.
  const bot = await startReceiver({
    kind: 'handler',
    handle: (req, res) => {
      const challenge = new URL(req.url, 'http://x').searchParams.get('challenge') ?? '';
      res.writeHead(200, { 'content-type': 'text/plain' }).end(challenge);
    },
  });
  receivers.push(bot);
  const hmac = newWebhookSecret();
  const t = await createTenant(h, { url: hook, secret: hmac });
  const rotated = await h.api(
    'POST',
    `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/secret/rotate`,
    {},
  );
  expect(rotated.status, JSON.stringify(rotated.body)).toBeLessThan(300);
  const signingKey = newSigningKey();
  const basic = Buffer.from('hook-user:basic-pass-at-rest-0123').toString('base64');
  for (const body of [
    { url: hook, secret: signingKey },
    {
      url: hook,
      headers: { Authorization: `Basic ${basic}`, 'X-Api-Key': 'header-key-at-rest-0123' },
    },
  ]) {
    const made = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints`, body);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
  }
  const viber = await h.api('POST', `/api/v1/apps/${t.appId}/viber-token`, {});
  expect(viber.status).toBe(200);
  const connection = await h.app.server.inject({
    method: 'POST',
    url: '/v2/integrations/webhook',
    headers: { authorization: `Bearer ${t.apiKey}` },
    payload: {
      storyId: '634fef70c56fd000073f5730',
      name: 'Tracking',
      url: `${bot.url}/bot`,
      token: 'bot-token-at-rest-0123456789',
      headers: { 'X-Bot-Key': 'bot-header-at-rest-0123' },
      auth: { username: 'bot-user', password: 'bot-pass-at-rest-0123456789' },
    },
  });
  expect(connection.statusCode, connection.body).toBe(201);
  return [
    hmac,
    hmac.slice('whsec_'.length),
    rotated.body.secret,
    signingKey,
    signingKey.slice('whsk_'.length, 40),
    basic,
    'header-key-at-rest-0123',
    viber.body.viberAuthToken,
    'bot-token-at-rest-0123456789',
    'bot-header-at-rest-0123',
    'bot-pass-at-rest-0123456789',
  ];
}

/** The secrets found in `bytes`, as text. */
function found(bytes: Buffer, secrets: string[]): string[] {
  return secrets.filter((s) => bytes.includes(Buffer.from(s, 'utf8')));
}

/** The database file and its WAL, as they are on disk now. */
function sqliteBytes(dataDir: string): Buffer {
  const files = ['hookline.db', 'hookline.db-wal'].map((f) => join(dataDir, f));
  return Buffer.concat(files.filter(existsSync).map((f) => readFileSync(f)));
}

let h: TestHookline | undefined;
const receivers: Receiver[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const r of receivers.splice(0)) await r.close();
});
afterAll(removeDataDirs);

describe('secrets at rest on SQLite', () => {
  it('the .db and -wal files hold no secret in clear, and the API still reads them', async () => {
    h = await startHookline();
    const secrets = await storeEverySecret(h);
    const dataDir = h.dataDir;
    // Not vacuous: the rows are there (their ids and URLs are in clear).
    const live = sqliteBytes(dataDir);
    expect(live.includes(Buffer.from('Tracking'))).toBe(true);
    expect(found(live, secrets)).toEqual([]);

    const keyFile = join(dataDir, 'encryption-key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    await h.close();
    h = undefined;
    expect(found(sqliteBytes(dataDir), secrets)).toEqual([]);

    // Reopened with the same key file: everything opens again.
    h = await startHookline({ dataDir });
    const apps = await h.api('GET', '/api/v1/apps');
    const appId = apps.body.data[0].id;
    const token = await h.api('GET', `/api/v1/apps/${appId}/viber-token`);
    expect(secrets).toContain(token.body.viberAuthToken);
    const account = await h.app.server.inject({
      method: 'POST',
      url: '/pa/get_account_info',
      headers: {
        'x-viber-auth-token': token.body.viberAuthToken,
        'content-type': 'application/json',
      },
      payload: '{}',
    });
    expect(JSON.parse(account.body)).toMatchObject({ status: 0 });
  });

  it('a row sealed under a key this node lacks is a 503 naming no secret, never a 500', async () => {
    h = await startHookline();
    const t = await createTenant(h, { url: `http://127.0.0.1:${await closedPort()}/hook` });
    // Another node's key wrote this row (as a misconfigured rotation would).
    const foreign = new SecretBox({ current: Buffer.alloc(32, 5), previous: [] });
    const raw = new Database(join(h.dataDir, 'hookline.db'));
    try {
      raw
        .prepare('UPDATE endpoints SET headers = ? WHERE id = ?')
        .run(foreign.seal('{}', 'endpoints.headers'), t.endpointId);
    } finally {
      raw.close();
    }
    const res = await h.api('GET', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'store_unavailable' });
    expect(res.body.message).toMatch(/cannot be decrypted with the configured encryption key/);
  });

  it('refuses to start with another key, naming the variable, and changes nothing', async () => {
    h = await startHookline();
    await storeEverySecret(h);
    const dataDir = h.dataDir;
    await h.close();
    h = undefined;
    const before = sqliteBytes(dataDir);
    const wrong = Buffer.alloc(32, 7).toString('base64');
    const refused = await startHookline({ dataDir, config: { encryptionKey: wrong } }).then(
      () => null,
      (error: Error) => error,
    );
    expect(refused?.message).toMatch(/sealed under encryption key [0-9a-f]{16}/);
    expect(refused?.message).toContain('HOOKLINE_ENCRYPTION_KEY');
    expect(refused?.message).not.toContain(wrong);
    expect(sqliteBytes(dataDir).equals(before)).toBe(true);
  });
});

describePostgres('secrets at rest on PostgreSQL', () => {
  let db: TestDatabase;
  afterAll(async () => db?.drop());

  it('no row holds a secret in clear; a node with another key refuses to start', async () => {
    db = await createTestDatabase('secrets_at_rest');
    h = await startHookline({ config: { databaseUrl: db.url } });
    const secrets = await storeEverySecret(h);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const rows: unknown[] = [];
      for (const table of ['apps', 'endpoints', 'bot_connections', 'encryption_check'])
        rows.push(...(await client.query(`SELECT * FROM ${table}`)).rows);
      const text = Buffer.from(JSON.stringify(rows));
      expect(text.includes(Buffer.from('Tracking'))).toBe(true);
      expect(found(text, secrets)).toEqual([]);
    } finally {
      await client.end();
    }
    // Another node, with another key.
    const other = Buffer.alloc(32, 3).toString('base64');
    const refused = await startHookline({
      config: { databaseUrl: db.url, encryptionKey: other },
    }).then(
      (other) => other.close().then(() => null),
      (error: Error) => error,
    );
    expect(refused?.message).toMatch(/sealed under encryption key/);
  });
});
