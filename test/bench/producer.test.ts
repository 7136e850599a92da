import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as ChildTaskModule from '../../bench/lib/child-task.js';
import type * as ProducerModule from '../../bench/hookline/producer.js';
import { ensureBuilt, ROOT } from '../helpers/built-dist.js';

// The bench forks compiled children, so these tests drive the built modules (dist/bench).
type ChildTasks = typeof ChildTaskModule;
type Producers = typeof ProducerModule;
const built = <T>(path: string) =>
  import(pathToFileURL(join(ROOT, 'dist', path)).href) as Promise<T>;

let dir: string;
// Building dist/ may take a while on a busy machine.
beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), 'hookline-child-task-'));
}, 180_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a child service', () => {
  it('runs tasks one after another in one warm process, a failed task leaving it serving', async () => {
    const { startChildService } = await built<ChildTasks>('bench/lib/child-task.js');
    const script = join(dir, 'counter.mjs');
    const childTask = pathToFileURL(join(ROOT, 'dist/bench/lib/child-task.js')).href;
    await writeFile(
      script,
      `import { serveChildTask } from '${childTask}';
let served = 0;
serveChildTask(import.meta.url, async ({ fail, waitMs }) => {
  await new Promise((r) => setTimeout(r, waitMs));
  if (fail) throw new Error('told to fail');
  return { pid: process.pid, served: ++served };
});
`,
    );
    const service = startChildService<
      { fail: boolean; waitMs: number },
      { pid: number; served: number }
    >(pathToFileURL(script));
    // Sent together: the slow first task still answers first, each reply to its own task.
    const [a, b] = await Promise.all([
      service.run({ fail: false, waitMs: 50 }),
      service.run({ fail: false, waitMs: 0 }),
    ]);
    expect(a.served).toBe(1);
    expect(b).toEqual({ pid: a.pid, served: 2 });
    await expect(service.run({ fail: true, waitMs: 0 })).rejects.toThrow('told to fail');
    expect(await service.run({ fail: false, waitMs: 0 })).toEqual({ pid: a.pid, served: 3 });
    await service.close();
    expect(() => process.kill(a.pid, 0)).toThrow();
    await expect(service.run({ fail: false, waitMs: 0 })).rejects.toThrow(/exited/);
  });
});

describe('a producer', () => {
  let server: Server;
  let requests = 0;
  let baseUrl: string;
  /** Which load each connection was opened in, and the connections each load's requests came on. */
  let load = 0;
  const openedIn = new Map<Socket, number>();
  const usedIn = new Map<number, Set<Socket>>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests++;
      if (!usedIn.has(load)) usedIn.set(load, new Set());
      usedIn.get(load)!.add(req.socket);
      req.resume();
      req.on('end', () => {
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `msg_${requests}` }));
      });
    });
    server.on('connection', (socket) => openedIn.set(socket, load));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    baseUrl = `http://127.0.0.1:${address.port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('keeps its connections open from one load to the next', async () => {
    const { startProducer } = await built<Producers>('bench/hookline/producer.js');
    const producer = startProducer({ baseUrl, apiKey: 'key', appId: 'app_1' }, 256);
    try {
      load = 1;
      const first = await producer.offer(200, 0.25);
      load = 2;
      const second = await producer.offer(200, 0.25);
      expect(first.errors).toBe(0);
      expect(second.errors).toBe(0);
      expect(first.acked).toBe(50);
      expect(second.acked).toBe(50);
      expect(second.ids).toHaveLength(50);
      // A fresh process per load would open every connection of the second load anew. (A busy
      // machine can make the second load overlap more requests, and so open a few more.)
      const onSecond = [...usedIn.get(2)!];
      expect(onSecond.length).toBeGreaterThan(0);
      expect(onSecond.filter((socket) => openedIn.get(socket) === 1).length).toBeGreaterThan(0);
    } finally {
      await producer.close();
    }
  });
});
