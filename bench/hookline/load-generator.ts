/**
 * Producers posting messages to Hookline's API, in their own process: either `closed` (N clients,
 * each sending the next message as soon as the last is acknowledged: maximum ingest) or `open`
 * (a fixed offered rate, whatever the answers do: latency). Records when each message was
 * acknowledged, to pair with its arrival at the receiver.
 */
import { Pool } from 'undici';
import { serveChildTask } from '../lib/child-task.js';
import { summarize, type LatencySummary } from '../lib/percentiles.js';
import { makePayload } from '../lib/payload.js';
import { epochNow, sleep } from '../lib/timing.js';

export interface LoadParams {
  baseUrl: string;
  apiKey: string;
  appId: string;
  eventType: string;
  payloadBytes: number;
  mode: 'closed' | 'open';
  /** Closed: concurrent clients. Open: connections available to the sender. */
  connections: number;
  /** Open mode only: messages per second offered. */
  rate?: number;
  seconds: number;
  /** Closed mode: stop after this many messages even before `seconds` (seeding). */
  count?: number;
  /** Messages per request through POST .../messages/batch; absent: one per POST .../messages. */
  batch?: number;
}

export interface LoadResult {
  sent: number;
  acked: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  perSecond: number;
  /** Send to acknowledgement. */
  ackLatency: LatencySummary;
  /** Open mode: message ids and the epoch ms each was acknowledged. */
  ids: string[];
  ackedAt: Float64Array;
  /**
   * Open mode: the epoch ms each message (same order as `ids`) was scheduled to be sent. Latency
   * from here counts the time a stalled producer or a full connection pool kept it waiting (no
   * coordinated omission).
   */
  scheduledAt: Float64Array;
}

/**
 * Connections stay open from one load to the next in the same process (a producer's keep-alive
 * pool), so a step after a warm-up does not start by opening them again.
 */
const pools = new Map<string, Pool>();
function poolFor(baseUrl: string, connections: number): Pool {
  const key = `${baseUrl} ${connections}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = new Pool(baseUrl, { connections, pipelining: 1 });
    pools.set(key, pool);
  }
  return pool;
}

export async function generateLoad(params: LoadParams): Promise<LoadResult> {
  const pool = poolFor(params.baseUrl, params.connections);
  const one = {
    eventType: params.eventType,
    payload: JSON.parse(makePayload(params.payloadBytes)) as unknown,
  };
  const perRequest = params.batch ?? 1;
  const body = JSON.stringify(
    params.batch ? { messages: Array.from({ length: params.batch }, () => one) } : one,
  );
  const headers = { authorization: `Bearer ${params.apiKey}`, 'content-type': 'application/json' };
  const path = `/api/v1/apps/${params.appId}/messages${params.batch ? '/batch' : ''}`;
  const ids: string[] = [];
  const ackedAt: number[] = [];
  const scheduledAt: number[] = [];
  const ackLatencies: number[] = [];
  let sent = 0;
  let errors = 0;
  let firstError: string | null = null;
  const keepIds = params.mode === 'open';

  const post = async (scheduled?: number) => {
    sent++;
    const sentAt = epochNow();
    try {
      const res = await pool.request({ method: 'POST', path, headers, body });
      const text = await res.body.text();
      const at = epochNow();
      if (res.statusCode !== 202) throw new Error(`HTTP ${res.statusCode} ${text.slice(0, 200)}`);
      for (let i = 0; i < perRequest; i++) ackLatencies.push(at - sentAt);
      if (keepIds) {
        ids.push((JSON.parse(text) as { id: string }).id);
        ackedAt.push(at);
        scheduledAt.push(scheduled ?? sentAt);
      }
    } catch (error) {
      errors++;
      firstError ??= (error as Error).message;
    }
  };

  const started = epochNow();
  const deadline = started + params.seconds * 1000;
  if (params.mode === 'closed') {
    const client = async () => {
      const limit = params.count ?? Number.POSITIVE_INFINITY;
      while (epochNow() < deadline && sent * perRequest < limit) await post();
    };
    await Promise.all(Array.from({ length: params.connections }, client));
  } else {
    const rate = params.rate!;
    const total = Math.round(rate * params.seconds);
    const inflight = new Set<Promise<void>>();
    for (let i = 0; i < total;) {
      // Fire every message whose scheduled time has come, then yield for about a millisecond.
      const due = Math.min(total, Math.floor(((epochNow() - started) / 1000) * rate) + 1);
      for (; i < due; i++) {
        const p = post(started + (i * 1000) / rate).finally(() => inflight.delete(p));
        inflight.add(p);
      }
      await sleep(1);
    }
    await Promise.all(inflight);
  }
  const seconds = (epochNow() - started) / 1000;
  const acked = ackLatencies.length;
  return {
    sent,
    acked,
    errors,
    firstError,
    seconds,
    perSecond: acked / seconds,
    ackLatency: summarize(ackLatencies),
    ids,
    ackedAt: Float64Array.from(ackedAt),
    scheduledAt: Float64Array.from(scheduledAt),
  };
}

serveChildTask(import.meta.url, generateLoad);
