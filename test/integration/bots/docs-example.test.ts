import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, startBotApi, type BotApi } from './api-harness.js';

const BASE = '/v2/integrations/webhook';

/** The receiver example of docs/bots.md, exactly as printed there. */
function exampleCode(): string {
  const doc = readFileSync(new URL('../../../docs/bots.md', import.meta.url), 'utf8');
  const match = /<!-- receiver-example[^>]*-->\s*```js\n([\s\S]*?)```/.exec(doc);
  if (!match) throw new Error('docs/bots.md has no receiver example');
  return match[1];
}

let api: BotApi;
let child: ChildProcess;
let dir: string;
let port = 0;

beforeAll(async () => {
  api = await startBotApi();
  dir = mkdtempSync(join(tmpdir(), 'hookline-docs-'));
  writeFileSync(join(dir, 'receiver.mjs'), exampleCode());
  child = spawn(process.execPath, [join(dir, 'receiver.mjs')], {
    env: { ...process.env, PORT: '0', TOKEN: 'my-secret' },
  });
  port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
  });
});

afterAll(async () => {
  child?.kill();
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (url: string, payload: unknown) =>
  api.server.inject({ method: 'POST', url, headers: auth(api.keys.a), payload: payload as object });

describe('the receiver example in docs/bots.md', () => {
  it('passes the handshake with its token, and its reply comes back normalised', async () => {
    const created = await post(BASE, {
      storyId: '634fef70c56fd000073f5730',
      name: 'Greeter',
      url: `http://127.0.0.1:${port}/bot`,
      token: 'my-secret',
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await post(`${BASE}/${created.json().id}/invoke`, {
      chatId: 'c-1',
      messageId: 'm-1',
      userId: 'u-1',
      userAttributes: { default_name: 'Ada' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      responses: [
        { type: 'text', delay: 1000, message: 'Hello Ada!' },
        {
          type: 'quickReplies',
          delay: 1000,
          title: 'What can I do for you?',
          buttons: [
            { type: 'postback', title: 'Track a parcel', value: 'track' },
            { type: 'postback', title: 'Talk to a human', value: 'agent' },
          ],
        },
      ],
      attributes: { greeted: 'yes' },
      invocation: { outcome: 'ok' },
    });
  });

  it('refuses the handshake with another token', async () => {
    const res = await post(BASE, {
      storyId: '634fef70c56fd000073f5730',
      name: 'Greeter',
      url: `http://127.0.0.1:${port}/bot`,
      token: 'wrong',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('verification_status');
  });
});
