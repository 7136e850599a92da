/**
 * The durable floor: a Node.js webhook relay that keeps Hookline's promise and does nothing else,
 * its HTTP, SQLite and undici work on one JavaScript thread. It takes the same
 * `POST /api/v1/apps/:app/messages` and answers 202 only once the message is on stable storage
 * (SQLite in WAL mode, each turn's messages in one transaction, then an fdatasync of the WAL through
 * Hookline's own `WalSync`, as `synchronous=FULL` promises; checkpoints on Hookline's own
 * checkpoint thread, as there). It then renders, signs and POSTs each message with undici
 * `dispatch`, and records each delivery in the same table, a turn's results in one transaction. No
 * thread hops, no claims (a committed message goes straight to the sender), no secondary indexes,
 * no auth, tenants, retry schedule or attempt log.
 *
 * What it costs per message and what it sustains say how much of Hookline's cost is the machine
 * and the promise, and how much its features and threads. It is one design, its work on one
 * JavaScript thread (its fsyncs and checkpoints run beside it): a target it
 * misses here, a design that spreads the same work over both cores might still reach.
 */
import Database from 'better-sqlite3';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Pool, type Dispatcher } from 'undici';
import { standardBody } from '../../src/formats/standard.js';
import { standardWebhookHeaders } from '../../src/signing/standard-webhooks.js';
import { Checkpointer } from '../../src/store/sqlite/checkpointer.js';
import { WalSync } from '../../src/store/sqlite/wal-sync.js';
import { serveChildServer } from './child-server.js';

export interface FloorServerParams {
  /** A directory of its own, for the database file. */
  dataDir: string;
  /** Receiver URL every message is POSTed to; null: store only (the ingest floor). */
  url: string | null;
  /** POSTs in flight at most. */
  concurrency: number;
  /** A failed POST is sent again after this long. */
  backoffMs: number;
}

interface Row {
  id: string;
  eventType: string;
  payload: string;
  createdAt: number;
}

/** The secret every POST is signed with (a receiver can verify them). */
export const FLOOR_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** The floor's database: its one table, in WAL mode (the bench seeds a backlog through it too). */
export function openFloorDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Durability comes from the WAL's fdatasync before each 202 (WalSync), as in Hookline.
  db.pragma('synchronous = NORMAL');
  // Checkpoints run on the Checkpointer's thread, as in Hookline, never inside a commit here.
  db.pragma('wal_autocheckpoint = 0');
  db.exec(`CREATE TABLE IF NOT EXISTS messages (
    id TEXT PRIMARY KEY, event_type TEXT NOT NULL, payload TEXT NOT NULL,
    created_at INTEGER NOT NULL, delivered_at INTEGER) STRICT`);
  return db;
}

/** Sends rows with at most `concurrency` POSTs in flight; `done` hears of each 2xx. */
function makeSender(params: FloorServerParams, done: (id: string) => void) {
  const target = new URL(params.url!);
  const pool = new Pool(target.origin, { connections: params.concurrency });
  // A FIFO read from `head`: a backlog of thousands must not pay for Array#shift.
  let queue: Row[] = [];
  let head = 0;
  const retries = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let stopped = false;
  const send = (row: Row) => {
    inFlight++;
    const body = standardBody(row.eventType, row.createdAt, row.payload);
    const headers = standardWebhookHeaders(
      [FLOOR_SECRET],
      row.id,
      Math.floor(Date.now() / 1000),
      body,
    );
    let status = 0;
    const finish = (ok: boolean) => {
      inFlight--;
      if (stopped) return;
      if (ok) done(row.id);
      else {
        const timer = setTimeout(() => {
          retries.delete(timer);
          push(row);
        }, params.backoffMs);
        retries.add(timer);
      }
      pump();
    };
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart: () => undefined,
      onResponseStart: (_c, statusCode) => void (status = statusCode),
      onResponseData: () => undefined,
      onResponseEnd: () => finish(status >= 200 && status < 300),
      onResponseError: () => finish(false),
    };
    pool.dispatch(
      {
        method: 'POST',
        path: target.pathname,
        body,
        headers: { 'content-type': 'application/json', ...headers },
        headersTimeout: 15_000,
        bodyTimeout: 15_000,
      },
      handler,
    );
  };
  const pump = () => {
    while (!stopped && inFlight < params.concurrency && head < queue.length) send(queue[head++]!);
    if (head > 1024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
  };
  const push = (row: Row) => {
    queue.push(row);
    pump();
  };
  const close = async () => {
    stopped = true;
    for (const timer of retries) clearTimeout(timer);
    await pool.destroy();
  };
  return { push, close };
}

async function serve(
  params: FloorServerParams,
  ready: (port: number) => void,
): Promise<() => Promise<void>> {
  const file = join(params.dataDir, 'floor.db');
  const db = openFloorDatabase(file);
  const wal = new WalSync(`${file}-wal`);
  const checkpointer = new Checkpointer(file);
  let stopping = false;
  const insert = db.prepare(
    'INSERT INTO messages (id, event_type, payload, created_at) VALUES (?, ?, ?, ?)',
  );
  const markDelivered = db.prepare('UPDATE messages SET delivered_at = ? WHERE id = ?');
  const insertAll = db.transaction((rows: Row[]) => {
    for (const r of rows) insert.run(r.id, r.eventType, r.payload, r.createdAt);
  });
  const markAll = db.transaction((ids: string[], at: number) => {
    for (const id of ids) markDelivered.run(at, id);
  });

  // The results of a turn, recorded together at its end.
  let delivered: string[] = [];
  const recordDelivered = () => {
    const ids = delivered;
    delivered = [];
    if (stopping) return;
    try {
      markAll(ids, Date.now());
    } catch (error) {
      // Made, but not recorded: a relay would send them again; the bench counts arrivals.
      console.error(`floor: recording ${ids.length} deliveries failed: ${String(error)}`);
    }
  };
  const sender = params.url
    ? makeSender(params, (id) => {
        if (delivered.push(id) === 1) setImmediate(recordDelivered);
      })
    : null;

  // The messages read in a turn, committed together at its end; each answered after the fdatasync.
  let incoming: Array<{ row: Row; res: ServerResponse }> = [];
  const commitIncoming = () => {
    const batch = incoming;
    incoming = [];
    try {
      insertAll(batch.map((b) => b.row));
    } catch (error) {
      for (const { res } of batch) reply(res, 500, { error: String(error) });
      return;
    }
    wal.afterSync((error) => {
      for (const { row, res } of batch) {
        if (error) reply(res, 500, { error: String(error) });
        else {
          reply(res, 202, { id: row.id });
          if (!stopping) sender?.push(row);
        }
      }
    });
  };

  let next = 0;
  const accept = (req: IncomingMessage, res: ServerResponse, text: string) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/messages'))
      return reply(res, 404, { error: 'not found' });
    let body: { eventType?: unknown; payload?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return reply(res, 400, { error: 'the body is not JSON' });
    }
    if (typeof body.eventType !== 'string' || body.payload === undefined)
      return reply(res, 400, { error: 'eventType and payload are required' });
    const row: Row = {
      id: `msg_floor_${process.pid}_${next++}`,
      eventType: body.eventType,
      payload: JSON.stringify(body.payload),
      createdAt: Date.now(),
    };
    if (incoming.push({ row, res }) === 1) setImmediate(commitIncoming);
  };
  // What an earlier run committed and did not deliver (a seeded backlog, in the bench): read before
  // it says it is ready (a failure here fails its start), sent once it is.
  const backlog = sender
    ? (db
        .prepare(
          'SELECT id, event_type AS eventType, payload, created_at AS createdAt FROM messages WHERE delivered_at IS NULL ORDER BY rowid',
        )
        .all() as Row[])
    : [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => accept(req, res, Buffer.concat(chunks).toString()));
  });
  // Idle connections last as long as Hookline's (Fastify's 72 s), as in bullmq-server.ts.
  server.keepAliveTimeout = 72_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ready((server.address() as AddressInfo).port);
  for (const row of backlog) sender!.push(row);
  return async () => {
    stopping = true;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await sender?.close();
    await wal.close();
    await checkpointer.stop();
    db.close();
  };
}

function reply(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

serveChildServer(import.meta.url, serve);
