/**
 * The physical ceiling: undici POSTs straight to the receiver at a fixed concurrency, with nothing
 * stored. No delivery system on this machine can beat it; Hookline is reported as a share of it.
 *
 *   node dist/bench/raw-ceiling.js --url http://127.0.0.1:9000/ --requests 20000 --concurrency 64
 */
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { serveChildTask } from './lib/child-task.js';
import { epochNow } from './lib/timing.js';
import { makePayload } from './lib/payload.js';

export interface RawCeilingParams {
  url: string;
  requests: number;
  concurrency: number;
  payloadBytes: number;
}

export interface RawCeilingResult {
  requests: number;
  ok: number;
  failed: number;
  seconds: number;
  perSecond: number;
}

export async function runRawCeiling(params: RawCeilingParams): Promise<RawCeilingResult> {
  const url = new URL(params.url);
  const pool = new Pool(url.origin, { connections: params.concurrency, pipelining: 1 });
  const body = makePayload(params.payloadBytes);
  // Same header set a signed delivery carries; values are fixed since nothing is signed here.
  const headers = {
    'content-type': 'application/json',
    'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
    'webhook-signature': 'v1,KSZbbTJ6ggsW1j5Ao9Jm7HhGkxKQyKbIXK5Fo1Y3Cw4=',
  };
  let next = 0;
  let end = 0;
  let ok = 0;
  let failed = 0;
  const worker = async () => {
    while (next < end) {
      const id = next++;
      const res = await pool.request({
        path: url.pathname,
        method: 'POST',
        headers: { ...headers, 'webhook-id': `msg_raw_${id}` },
        body,
      });
      await res.body.dump();
      if (res.statusCode >= 200 && res.statusCode < 300) ok++;
      else failed++;
    }
  };
  // Untimed warm-up: opens every connection and lets both processes' JIT settle, so the timed
  // part measures steady-state requests, not TCP handshakes and cold code.
  end = Math.min(10_000, Math.ceil(params.requests / 4));
  await Promise.all(Array.from({ length: params.concurrency }, worker));
  ok = 0;
  failed = 0;
  end = next + params.requests;
  const started = epochNow();
  await Promise.all(Array.from({ length: params.concurrency }, worker));
  const seconds = (epochNow() - started) / 1000;
  await pool.close();
  return { requests: params.requests, ok, failed, seconds, perSecond: params.requests / seconds };
}

serveChildTask(import.meta.url, runRawCeiling, () => {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:9000/' },
      requests: { type: 'string', default: '20000' },
      concurrency: { type: 'string', default: '64' },
      'payload-bytes': { type: 'string', default: '1024' },
    },
  });
  return {
    url: values.url,
    requests: Number(values.requests),
    concurrency: Number(values.concurrency),
    payloadBytes: Number(values['payload-bytes']),
  };
});
