/**
 * The BullMQ side of the sweep, in its own process: a `node:http` API that takes the same
 * `POST /api/v1/apps/:app/messages` as Hookline, enqueues one job per message (a 202 once Redis has
 * it), and a worker in the same process that renders, signs and POSTs each job with undici, as
 * Hookline's role `all` does in one process. The parent talks to it over IPC (see bullmq-target.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue, Worker, type Job } from 'bullmq';
import { Pool } from 'undici';
import { standardBody } from '../../src/formats/standard.js';
import { standardWebhookHeaders } from '../../src/signing/standard-webhooks.js';
import type { RedisTarget } from '../bullmq-baseline.js';
import { serveChildServer } from './child-server.js';

export interface BullmqServerParams {
  redis: RedisTarget;
  /** Receiver URL every job is POSTed to. */
  url: string;
  concurrency: number;
  attempts: number;
  backoffMs: number;
}

interface MessageJob {
  messageId: string;
  eventType: string;
  payload: string;
  createdAt: number;
}

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

async function serve(
  params: BullmqServerParams,
  ready: (port: number) => void,
): Promise<() => Promise<void>> {
  const connection = { ...params.redis, maxRetriesPerRequest: null };
  const queueName = `hookline-sweep-${process.pid}-${Date.now()}`;
  const queue = new Queue<MessageJob>(queueName, { connection });
  const target = new URL(params.url);
  const pool = new Pool(target.origin, { connections: params.concurrency, pipelining: 1 });
  const jobOptions = {
    attempts: params.attempts,
    backoff: { type: 'exponential', delay: params.backoffMs },
    removeOnComplete: true,
    removeOnFail: true,
  };
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        try {
          if (req.method !== 'POST' || !req.url?.endsWith('/messages'))
            throw Object.assign(new Error('not found'), { status: 404 });
          const body = JSON.parse(Buffer.concat(chunks).toString()) as {
            eventType?: unknown;
            payload?: unknown;
          };
          if (typeof body.eventType !== 'string' || body.payload === undefined)
            throw Object.assign(new Error('eventType and payload are required'), { status: 400 });
          const messageId = `msg_bull_${process.pid}_${next++}`;
          await queue.add(
            'deliver',
            {
              messageId,
              eventType: body.eventType,
              payload: JSON.stringify(body.payload),
              createdAt: Date.now(),
            },
            jobOptions,
          );
          res.writeHead(202, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: messageId }));
        } catch (error) {
          const status = (error as { status?: number }).status ?? 500;
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: (error as Error).message }));
        }
      })();
    });
  });
  const worker = new Worker<MessageJob>(
    queueName,
    async (job: Job<MessageJob>) => {
      const body = standardBody(job.data.eventType, job.data.createdAt, job.data.payload);
      const signed = standardWebhookHeaders(
        [SECRET],
        job.data.messageId,
        Math.floor(Date.now() / 1000),
        body,
      );
      const res = await pool.request({
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signed },
        body,
        headersTimeout: 15_000,
        bodyTimeout: 15_000,
      });
      await res.body.dump();
      if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`HTTP ${res.statusCode}`);
    },
    { connection, concurrency: params.concurrency },
  );
  await worker.waitUntilReady();
  // Idle connections last as long as Hookline's (Fastify's 72 s): between steps, the producer
  // keeps its connections to either system alike.
  server.keepAliveTimeout = 72_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ready((server.address() as AddressInfo).port);
  return async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
    await pool.close();
  };
}

serveChildServer(import.meta.url, serve);
