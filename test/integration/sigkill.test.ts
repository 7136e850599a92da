import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/built-dist.js';
import { removeDataDirs, tempDataDir } from '../helpers/hookline-app.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';

const TOKEN = 'sigkill-test-admin-token-0123456789';
const MESSAGES = 500;
/** Answered before the crash; later requests hang, so the kill always lands mid-backlog. */
const ANSWERED_BEFORE_KILL = 100;

let receiver: Receiver;
const processes: ServeProcess[] = [];

beforeAll(() => ensureBuilt(), 180_000);
afterAll(async () => {
  for (const p of processes)
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(processes.map((p) => p.exited));
  await receiver?.close();
  removeDataDirs();
});

/** Polls `check` every `everyMs` until it is true; fails after `limitMs`. */
async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  limitMs = 60_000,
  everyMs = 50,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

describe('SIGKILL in the middle of a backlog', () => {
  it('loses no accepted message', async () => {
    let crashed = false;
    const answeredOk = new Set<string>();
    const held: ServerResponse[] = [];
    receiver = await startReceiver({
      kind: 'handler',
      handle: (req, res) => {
        const id = String(req.headers['webhook-id']);
        if (!crashed && answeredOk.size >= ANSWERED_BEFORE_KILL) return void held.push(res);
        setTimeout(
          () => {
            answeredOk.add(id);
            res.end('ok');
          },
          crashed ? 1 : 10,
        ).unref();
      },
    });

    const dataDir = tempDataDir();
    const first = startServe(dataDir, TOKEN);
    processes.push(first);
    await first.url;
    const app = await first.api('POST', '/api/v1/apps', { name: 'crash test' });
    expect(app.status).toBe(201);
    const appId: string = app.body.id;
    const ep = await first.api('POST', `/api/v1/apps/${appId}/endpoints`, {
      url: `${receiver.url}/sink`,
      maxConcurrency: 8,
    });
    expect(ep.status).toBe(201);

    // Producers: ten at a time; a message counts as accepted only once the API answered 202.
    const accepted: string[] = [];
    let next = 0;
    let refused = 0;
    const producer = async () => {
      while (next < MESSAGES) {
        const n = next++;
        try {
          const res = await first.api('POST', `/api/v1/apps/${appId}/messages`, {
            eventType: 'message.delivered',
            payload: { n },
          });
          if (res.status === 202) accepted.push(res.body.id);
          else refused++;
        } catch {
          refused++; // the server is gone: not accepted
        }
      }
    };
    const producing = Promise.all(Array.from({ length: 10 }, producer));

    await until(
      'a backlog with deliveries in flight',
      () => accepted.length >= 400 && held.length > 0,
    );
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    await producing;
    crashed = true;
    const deliveredBeforeCrash = answeredOk.size;
    expect(deliveredBeforeCrash).toBeLessThan(accepted.length);

    const second = startServe(dataDir, TOKEN);
    processes.push(second);
    await second.url;
    const open = async (state: string) =>
      (await second.api('GET', `/api/v1/apps/${appId}/deliveries?state=${state}&limit=1`)).body.data
        .length;
    await until(
      'every delivery to finish',
      async () => (await open('pending')) === 0 && (await open('delivering')) === 0,
      90_000,
      100,
    );

    expect(await open('failed')).toBe(0);
    const missing = accepted.filter((id) => !answeredOk.has(id));
    expect(missing).toEqual([]);

    const ids = receiver.requests.map((r) => String(r.headers['webhook-id']));
    const duplicates = ids.length - new Set(ids).size;
    console.log(
      `sigkill: ${accepted.length} accepted (${refused} sends failed once the server was killed), ${deliveredBeforeCrash} delivered before the kill, ${answeredOk.size} delivered in all, ${duplicates} duplicate requests`,
    );
    // Requests the dead server had in flight were sent again (same webhook-id): at-least-once.
    expect(duplicates).toBeGreaterThan(0);
    expect(new Set(ids).size).toBeGreaterThanOrEqual(accepted.length);

    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  }, 180_000);
});
