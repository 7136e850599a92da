import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the receiver saw it, body complete. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * How the receiver answers one request:
 *  - `status`: answer at once;
 *  - `hang`: read the request, never answer (cut off only when the receiver closes);
 *  - `reset`: read the request, then destroy the socket;
 *  - `slow`: answer after `delayMs` of real time;
 *  - `huge`: a 200 (or `status`) whose body is `bytes` long, written in 1 KiB chunks;
 *  - `handler`: anything else (the request is already recorded).
 */
export type Behavior =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'slow'; delayMs: number; status?: number }
  | { kind: 'huge'; bytes: number; status?: number }
  | {
      kind: 'handler';
      handle: (req: ReceivedRequest, res: ServerResponse) => void | Promise<void>;
    };

export const ok: Behavior = { kind: 'status', status: 200, body: 'ok' };
export const status = (
  code: number,
  headers?: Record<string, string>,
  body?: string,
): Behavior => ({ kind: 'status', status: code, headers, body });

export interface Receiver {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Requests received so far, in arrival order. */
  requests: ReceivedRequest[];
  /** Behaviours for the next requests, one each, in order; afterwards the default applies. */
  script(...behaviors: Behavior[]): void;
  setDefault(behavior: Behavior): void;
  /** Requests being answered right now, and the most seen at once. */
  inFlight(): number;
  maxInFlight(): number;
  /** Resolves once `count` requests have arrived (rejects after `timeoutMs`, a safety net only). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A webhook receiver on 127.0.0.1 with a free port that records requests and answers as scripted. */
export async function startReceiver(defaultBehavior: Behavior = ok): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const queue: Behavior[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const timers = new Set<NodeJS.Timeout>();
  let fallback = defaultBehavior;
  let current = 0;
  let most = 0;

  const notify = () => {
    for (const w of [...waiters]) {
      if (requests.length >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const record: ReceivedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body,
    };
    const behavior = queue.shift() ?? fallback;
    current++;
    most = Math.max(most, current);
    let counted = true;
    const done = () => {
      if (counted) current--;
      counted = false;
    };
    res.on('finish', done);
    res.on('close', done);
    requests.push(record);
    notify();
    switch (behavior.kind) {
      case 'status':
        res.writeHead(behavior.status, behavior.headers ?? {});
        res.end(behavior.body ?? '');
        return;
      case 'hang':
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'slow': {
        const t = setTimeout(() => {
          timers.delete(t);
          res.writeHead(behavior.status ?? 200);
          res.end('slow ok');
        }, behavior.delayMs);
        timers.add(t);
        return;
      }
      case 'huge': {
        res.writeHead(behavior.status ?? 200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(1024, 'x');
        let left = behavior.bytes;
        const pump = () => {
          while (left > 0) {
            const n = Math.min(left, chunk.length);
            left -= n;
            if (!res.write(chunk.subarray(0, n))) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      case 'handler':
        await behavior.handle(record, res);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...behaviors) => void queue.push(...behaviors),
    setDefault: (behavior) => void (fallback = behavior),
    inFlight: () => current,
    maxInFlight: () => most,
    waitFor(count, timeoutMs = 20_000) {
      if (requests.length >= count) return Promise.resolve(requests.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`receiver: ${requests.length} of ${count} requests arrived`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(requests.slice());
          },
        });
      });
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
