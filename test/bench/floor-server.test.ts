import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as ChildServerModule from '../../bench/sweep/child-server.js';
import type * as FloorServerModule from '../../bench/sweep/floor-server.js';
import { ensureBuilt, ROOT } from '../helpers/built-dist.js';

// The floor runs as the bench runs it: a forked, compiled child (dist/bench), on 127.0.0.1.
const built = <T>(path: string) =>
  import(pathToFileURL(join(ROOT, 'dist', path)).href) as Promise<T>;
const floorModule = pathToFileURL(join(ROOT, 'dist/bench/sweep/floor-server.js'));

beforeAll(() => ensureBuilt(), 180_000);

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver that records every POST and answers `status` (500 for the first `failFirst`). */
async function startReceiver(failFirst = 0) {
  const received: Received[] = [];
  let failures = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (failures < failFirst) {
        failures++;
        res.writeHead(500).end();
        return;
      }
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise((r) => server.close(r)) };
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startFloor(url: string | null, before?: (file: string) => void) {
  const { startChildServer, stopChildServer } = await built<typeof ChildServerModule>(
    'bench/sweep/child-server.js',
  );
  const dataDir = await mkdtemp(join(tmpdir(), 'floor-test-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  before?.(join(dataDir, 'floor.db'));
  const { child, port } = await startChildServer<FloorServerModule.FloorServerParams>(floorModule, {
    dataDir,
    url,
    concurrency: 4,
    backoffMs: 20,
  });
  cleanups.push(() => stopChildServer(child));
  const post = (body: unknown) =>
    fetch(`http://127.0.0.1:${port}/api/v1/apps/floor/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { child, post, file: join(dataDir, 'floor.db') };
}

/** Polls `check` until it holds or 20 s passed (a busy machine runs other test files beside). */
const until = async (check: () => boolean) => {
  const deadline = Date.now() + 20_000;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return check();
};

describe('the durable floor of the bench', () => {
  // The 202 waits for the WAL's fdatasync through WalSync (src/store/sqlite/wal-sync.test.ts tests its order); a
  // SIGKILL keeps the page cache, so this shows the commit came first, not the sync.
  it('answers 202 only for a message it has committed: a SIGKILL right after loses none', async () => {
    const floor = await startFloor(null);
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await floor.post({ eventType: 'message.delivered', payload: { n: i } });
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as { id: string }).id);
    }
    floor.child.kill('SIGKILL');
    await new Promise((r) => floor.child.once('exit', r));
    const db = new Database(floor.file, { readonly: true });
    try {
      const rows = db.prepare('SELECT id, payload FROM messages ORDER BY rowid').all() as Array<{
        id: string;
        payload: string;
      }>;
      expect(rows.map((r) => r.id)).toEqual(ids);
      expect(JSON.parse(rows[24]!.payload)).toEqual({ n: 24 });
    } finally {
      db.close();
    }
  });

  it('POSTs each message signed (Standard Webhooks), retries a 500 and records the delivery', async () => {
    const receiver = await startReceiver(2);
    cleanups.push(receiver.close);
    const floor = await startFloor(receiver.url);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await floor.post({ eventType: 'message.delivered', payload: { n: i } });
      ids.push(((await res.json()) as { id: string }).id);
    }
    expect(await until(() => receiver.received.length === 5)).toBe(true);
    const verifier = new Webhook(
      (await built<typeof FloorServerModule>('bench/sweep/floor-server.js')).FLOOR_SECRET,
    );
    for (const { headers, body } of receiver.received) {
      const verified = verifier.verify(body, headers as Record<string, string>) as {
        type: string;
        data: { n: number };
      };
      expect(verified.type).toBe('message.delivered');
      expect(ids[verified.data.n]).toBe(headers['webhook-id']);
    }
    const delivered = () => {
      const db = new Database(floor.file, { readonly: true });
      try {
        return (
          db.prepare('SELECT COUNT(*) AS n FROM messages WHERE delivered_at IS NOT NULL').get() as {
            n: number;
          }
        ).n;
      } finally {
        db.close();
      }
    };
    expect(await until(() => delivered() === 5)).toBe(true);
  });

  it('sends what was committed and not delivered before it started (a backlog), then stops cleanly', async () => {
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    const { openFloorDatabase } = await built<typeof FloorServerModule>(
      'bench/sweep/floor-server.js',
    );
    const floor = await startFloor(receiver.url, (file) => {
      const db = openFloorDatabase(file);
      const insert = db.prepare(
        'INSERT INTO messages (id, event_type, payload, created_at, delivered_at) VALUES (?, ?, ?, ?, ?)',
      );
      for (let i = 0; i < 3000; i++) insert.run(`msg_old_${i}`, 'message.delivered', '{}', 1, null);
      insert.run('msg_done', 'message.delivered', '{}', 1, 5);
      db.close();
    });
    expect(await until(() => receiver.received.length === 3000)).toBe(true);
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(3000);
    expect(ids).not.toContain('msg_done');
    // Asked to stop, it ends on its own (a hung stop would be killed: no exit code).
    const { stopChildServer } = await built<typeof ChildServerModule>(
      'bench/sweep/child-server.js',
    );
    await stopChildServer(floor.child);
    expect(floor.child.exitCode).toBe(0);
  });

  it('refuses a body it cannot take, saying what is wrong, and stores nothing of it', async () => {
    const floor = await startFloor(null);
    const notJson = await floor.post('{"eventType":');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: 'the body is not JSON' });
    const noType = await floor.post({ payload: {} });
    expect(noType.status).toBe(400);
    expect(await noType.json()).toEqual({ error: 'eventType and payload are required' });
    const db = new Database(floor.file, { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM messages').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
