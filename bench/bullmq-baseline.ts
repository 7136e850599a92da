/**
 * The baseline a TypeScript team would build instead of Hookline: a BullMQ queue on Redis, one job
 * per delivery, a worker that renders and signs the same Standard Webhooks request and POSTs it
 * with undici, retrying failures with attempts + exponential backoff. The backlog is enqueued
 * first (untimed), then the worker drains it; a job counts once BullMQ has committed it as
 * completed in Redis.
 *
 *   node dist/bench/bullmq-baseline.js --url http://127.0.0.1:9000/ --messages 1000 --endpoints 10
 */
import { connect } from 'node:net';
import { parseArgs } from 'node:util';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { Pool } from 'undici';
import { standardBody } from '../src/formats/standard.js';
import { standardWebhookHeaders } from '../src/signing/standard-webhooks.js';
import { serveChildTask } from './lib/child-task.js';
import { drainWarmup, steadyRate } from './lib/drain-window.js';
import { makePayload } from './lib/payload.js';
import { epochNow } from './lib/timing.js';

export interface RedisTarget {
  host: string;
  port: number;
}

export interface BullmqParams {
  redis: RedisTarget;
  /** Receiver base URL; endpoint e posts to `${url}ep/${e}`. */
  url: string;
  messages: number;
  endpoints: number;
  concurrency: number;
  payloadBytes: number;
  attempts: number;
  backoffMs: number;
}

export interface BullmqResult {
  deliveries: number;
  succeeded: number;
  failed: number;
  attempts: number;
  seedSeconds: number;
  seconds: number;
  /** After the warm-up (`drain-window.ts`). */
  perSecond: number;
  /** From the worker's start, warm-up included. */
  fromFirstPerSecond: number;
}

interface DeliveryJob {
  messageId: string;
  endpoint: number;
  createdAt: number;
}

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** Redis version when 127.0.0.1:6379 (or the given target) answers, else the reason it does not. */
export async function probeRedis(
  target: RedisTarget,
): Promise<{ version: string } | { reason: string }> {
  // A plain TCP connect first: it gives the real reason (ECONNREFUSED ...) where ioredis says only
  // "Connection is closed".
  const refused = await new Promise<string | null>((resolve) => {
    const socket = connect({ host: target.host, port: target.port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(null);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('connect timed out');
    });
    socket.once('error', (error) => resolve(error.message));
  });
  if (refused)
    return { reason: `Redis not reachable at ${target.host}:${target.port} (${refused})` };
  const redis = new Redis({
    ...target,
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    const info = await redis.info('server');
    return { version: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown' };
  } catch (error) {
    return {
      reason: `Redis not reachable at ${target.host}:${target.port} (${(error as Error).message})`,
    };
  } finally {
    redis.disconnect();
  }
}

export async function runBullmqBaseline(params: BullmqParams): Promise<BullmqResult> {
  const connection = {
    host: params.redis.host,
    port: params.redis.port,
    maxRetriesPerRequest: null,
  };
  const queueName = `hookline-bench-${process.pid}-${Date.now()}`;
  const queue = new Queue<DeliveryJob>(queueName, { connection });
  const base = new URL(params.url);
  const pool = new Pool(base.origin, { connections: params.concurrency, pipelining: 1 });
  const payload = makePayload(params.payloadBytes);
  const deliveries = params.messages * params.endpoints;
  try {
    const seedStarted = epochNow();
    const batch: Array<{ name: string; data: DeliveryJob; opts: object }> = [];
    const opts = {
      attempts: params.attempts,
      backoff: { type: 'exponential', delay: params.backoffMs },
      removeOnComplete: true,
      removeOnFail: true,
    };
    for (let m = 0; m < params.messages; m++) {
      for (let e = 0; e < params.endpoints; e++) {
        batch.push({
          name: 'deliver',
          data: { messageId: `msg_bull_${m}`, endpoint: e, createdAt: Date.now() },
          opts,
        });
        if (batch.length === 1000) await queue.addBulk(batch.splice(0));
      }
    }
    if (batch.length) await queue.addBulk(batch.splice(0));
    const seedSeconds = (epochNow() - seedStarted) / 1000;

    let attempts = 0;
    const deliver = async (job: Job<DeliveryJob>) => {
      attempts++;
      const body = standardBody('message.delivered', job.data.createdAt, payload);
      const signed = standardWebhookHeaders(
        [SECRET],
        job.data.messageId,
        Math.floor(Date.now() / 1000),
        body,
      );
      const res = await pool.request({
        path: `${base.pathname}ep/${job.data.endpoint}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signed },
        body,
        headersTimeout: 15_000,
        bodyTimeout: 15_000,
      });
      await res.body.dump();
      if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`HTTP ${res.statusCode}`);
    };

    let succeeded = 0;
    let failed = 0;
    const warmup = drainWarmup(deliveries);
    let warmEndedAt = 0;
    const worker = new Worker<DeliveryJob>(queueName, deliver, {
      connection,
      concurrency: params.concurrency,
      autorun: false,
    });
    const finished = new Promise<void>((resolve) => {
      const check = () => {
        if (succeeded + failed >= deliveries) resolve();
      };
      worker.on('completed', () => {
        succeeded++;
        if (succeeded === warmup) warmEndedAt = epochNow();
        check();
      });
      worker.on('failed', (job) => {
        if (job && job.attemptsMade >= params.attempts) failed++;
        check();
      });
    });
    const started = epochNow();
    void worker.run();
    await finished;
    const endedAt = epochNow();
    const seconds = (endedAt - started) / 1000;
    await worker.close();
    return {
      deliveries,
      succeeded,
      failed,
      attempts,
      seedSeconds,
      seconds,
      // A drain whose successes never reached the warm-up (all failing) is timed whole.
      perSecond: warmEndedAt
        ? steadyRate(deliveries, warmup, warmEndedAt, endedAt)
        : deliveries / seconds,
      fromFirstPerSecond: deliveries / seconds,
    };
  } finally {
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
    await pool.close();
  }
}

serveChildTask(import.meta.url, runBullmqBaseline, () => {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:9000/' },
      redis: { type: 'string', default: '127.0.0.1:6379' },
      messages: { type: 'string', default: '1000' },
      endpoints: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '64' },
      'payload-bytes': { type: 'string', default: '1024' },
      attempts: { type: 'string', default: '5' },
      'backoff-ms': { type: 'string', default: '10' },
    },
  });
  const [host, port] = values.redis.split(':');
  return {
    redis: { host: host ?? '127.0.0.1', port: Number(port ?? 6379) },
    url: values.url,
    messages: Number(values.messages),
    endpoints: Number(values.endpoints),
    concurrency: Number(values.concurrency),
    payloadBytes: Number(values['payload-bytes']),
    attempts: Number(values.attempts),
    backoffMs: Number(values['backoff-ms']),
  };
});
