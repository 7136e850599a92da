/**
 * The barest undici sender, as a child task of harness-cost.ts: `dispatch` with a handler that keeps
 * nothing (Hookline's own sender, src/delivery/http-exchange.ts, does more per request), a fresh
 * `webhook-id` per POST and the headers of a signed delivery, `concurrency` in flight. What it
 * spends per POST is what any Node.js sender on undici spends at least.
 */
import { Pool, type Dispatcher } from 'undici';
import { serveChildTask } from './lib/child-task.js';
import { makePayload } from './lib/payload.js';
import { epochNow } from './lib/timing.js';

export interface BareSendParams {
  url: string;
  requests: number;
  concurrency: number;
}

export interface BareSendResult {
  seconds: number;
  perSecond: number;
}

const body = makePayload(1024);
const pools = new Map<string, Pool>();
/** Across tasks, so no two POSTs of this process share a webhook-id. */
let sequence = 0;

function post(pool: Pool, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let status = 0;
    const handler: Dispatcher.DispatchHandler = {
      // Its presence marks the handler as one of undici's controller API.
      onRequestStart: () => undefined,
      onResponseStart: (_c, statusCode) => void (status = statusCode),
      onResponseData: () => undefined,
      onResponseEnd: () => resolve(status),
      onResponseError: (_c, error) => reject(error),
    };
    pool.dispatch(
      {
        method: 'POST',
        path,
        body,
        headers: {
          'content-type': 'application/json',
          'webhook-id': `msg_bare_${process.pid}_${sequence++}`,
          'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
          'webhook-signature': 'v1,KSZbbTJ6ggsW1j5Ao9Jm7HhGkxKQyKbIXK5Fo1Y3Cw4=',
        },
      },
      handler,
    );
  });
}

/** Sends `requests` POSTs; fails if any is not answered 2xx. Connections stay open across tasks. */
export async function sendBare(params: BareSendParams): Promise<BareSendResult> {
  const url = new URL(params.url);
  const key = `${url.origin} ${params.concurrency}`;
  let pool = pools.get(key);
  if (!pool) pools.set(key, (pool = new Pool(url.origin, { connections: params.concurrency })));
  let next = 0;
  let bad = 0;
  const started = epochNow();
  const lane = async () => {
    while (next < params.requests) {
      next++;
      const status = await post(pool, url.pathname);
      if (status < 200 || status >= 300) bad++;
    }
  };
  await Promise.all(Array.from({ length: params.concurrency }, lane));
  if (bad > 0) throw new Error(`${bad} of ${params.requests} POSTs were not answered 2xx`);
  const seconds = (epochNow() - started) / 1000;
  return { seconds, perSecond: params.requests / seconds };
}

serveChildTask(import.meta.url, sendBare);
