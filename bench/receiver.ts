/**
 * The benchmark receiver: a keep-alive HTTP server on 127.0.0.1 that counts what arrives, can
 * record each request's arrival time keyed by a header, and can inject latency and a share of
 * failing responses. It runs as its own process so it does not take CPU from the system under
 * test. Controlled over IPC (see receiver-client.ts); standalone it takes flags:
 *
 *   node dist/bench/receiver.js --port 9000 --fail-ratio 0.1 --latency-ms 5
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { epochNow } from './lib/timing.js';

export interface ReceiverSettings {
  /** Share of requests answered with `failStatus`, spread evenly (0.1 = every 10th request). */
  failRatio: number;
  failStatus: number;
  /** Wait this long before answering. */
  latencyMs: number;
  /** Keep the first arrival time per `keyHeader` value (costs memory; off for big drains). */
  record: boolean;
  keyHeader: string;
}

export interface ReceiverStats {
  total: number;
  ok: number;
  failed: number;
  bytes: number;
  /** Epoch ms of the first and last arrival since the last reset. */
  firstAt: number | null;
  lastAt: number | null;
  /** Distinct keys seen while recording. */
  distinctKeys: number;
}

export type ReceiverCommand =
  | { op: 'configure'; reqId: number; settings: Partial<ReceiverSettings> }
  | { op: 'reset'; reqId: number }
  | { op: 'stats'; reqId: number }
  | { op: 'arrivals'; reqId: number }
  | { op: 'waitForOk'; reqId: number; count: number }
  | { op: 'close'; reqId: number };

export type ReceiverReply =
  | { op: 'ready'; port: number }
  | { op: 'done'; reqId: number; stats: ReceiverStats }
  | { op: 'arrivals'; reqId: number; arrivals: Map<string, number>; sentLatencies: Float64Array };

const settings: ReceiverSettings = {
  failRatio: 0,
  failStatus: 500,
  latencyMs: 0,
  record: false,
  keyHeader: 'webhook-id',
};

let seq = 0;
let stats: ReceiverStats = emptyStats();
let arrivals = new Map<string, number>();
/** ms from the sender's `x-bench-sent-at` header to arrival, when the sender sets it. */
let sentLatencies: number[] = [];
let waiters: Array<{ reqId: number; count: number }> = [];
/** The smallest count any waiter wants; checked per arrival instead of the whole list. */
let nextWaiterAt = Number.POSITIVE_INFINITY;

function emptyStats(): ReceiverStats {
  return { total: 0, ok: 0, failed: 0, bytes: 0, firstAt: null, lastAt: null, distinctKeys: 0 };
}

function shouldFail(n: number): boolean {
  return Math.floor((n + 1) * settings.failRatio) > Math.floor(n * settings.failRatio);
}

function onArrival(req: IncomingMessage, bytes: number, at: number): boolean {
  const fail = settings.failRatio > 0 && shouldFail(seq++);
  stats.total++;
  stats.bytes += bytes;
  stats.firstAt ??= at;
  stats.lastAt = at;
  if (fail) stats.failed++;
  else stats.ok++;
  if (settings.record) {
    const key = req.headers[settings.keyHeader];
    if (typeof key === 'string' && !arrivals.has(key)) {
      arrivals.set(key, at);
      stats.distinctKeys = arrivals.size;
    }
    const sentAt = req.headers['x-bench-sent-at'];
    if (typeof sentAt === 'string') sentLatencies.push(at - Number(sentAt));
  }
  if (!fail && stats.ok >= nextWaiterAt) releaseWaiters();
  return fail;
}

function releaseWaiters(): void {
  const still: typeof waiters = [];
  for (const waiter of waiters) {
    if (stats.ok >= waiter.count) reply({ op: 'done', reqId: waiter.reqId, stats: { ...stats } });
    else still.push(waiter);
  }
  waiters = still;
  nextWaiterAt = Math.min(Number.POSITIVE_INFINITY, ...waiters.map((w) => w.count));
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  let bytes = 0;
  req.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  req.on('end', () => {
    const fail = onArrival(req, bytes, epochNow());
    const answer = () => {
      res.writeHead(fail ? settings.failStatus : 200, {
        'content-type': 'text/plain',
        'content-length': 2,
      });
      res.end(fail ? 'no' : 'ok');
    };
    if (settings.latencyMs > 0) setTimeout(answer, settings.latencyMs);
    else answer();
  });
}

function reply(message: ReceiverReply): void {
  process.send?.(message);
}

function onCommand(command: ReceiverCommand): void {
  switch (command.op) {
    case 'configure':
      Object.assign(settings, command.settings);
      break;
    case 'reset':
      seq = 0;
      stats = emptyStats();
      arrivals = new Map();
      sentLatencies = [];
      waiters = [];
      nextWaiterAt = Number.POSITIVE_INFINITY;
      break;
    case 'arrivals':
      reply({
        op: 'arrivals',
        reqId: command.reqId,
        arrivals,
        sentLatencies: Float64Array.from(sentLatencies),
      });
      return;
    case 'waitForOk':
      if (stats.ok >= command.count) break;
      waiters.push({ reqId: command.reqId, count: command.count });
      nextWaiterAt = Math.min(nextWaiterAt, command.count);
      return;
    case 'close':
      reply({ op: 'done', reqId: command.reqId, stats: { ...stats } });
      server.close();
      server.closeAllConnections();
      process.disconnect?.();
      return;
    case 'stats':
      break;
  }
  reply({ op: 'done', reqId: command.reqId, stats: { ...stats } });
}

const server = createServer({ keepAlive: true }, handle);
// Senders keep connections open for the whole run; never let the server close them first.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;
server.requestTimeout = 0;
server.maxRequestsPerSocket = 0;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'fail-ratio': { type: 'string', default: '0' },
    'latency-ms': { type: 'string', default: '0' },
  },
});
settings.failRatio = Number(values['fail-ratio']);
settings.latencyMs = Number(values['latency-ms']);

server.listen(Number(values.port), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  if (process.send) {
    process.on('message', (command: ReceiverCommand) => onCommand(command));
    process.on('disconnect', () => process.exit(0));
    reply({ op: 'ready', port });
  } else {
    console.log(
      `receiver listening on http://127.0.0.1:${port} (fail ratio ${settings.failRatio}, latency ${settings.latencyMs} ms)`,
    );
    process.on('SIGINT', () => {
      console.log(JSON.stringify(stats));
      process.exit(0);
    });
  }
});
