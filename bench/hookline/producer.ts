import { startChildService } from '../lib/child-task.js';
import type { LoadParams, LoadResult } from './load-generator.js';
import { EVENT_TYPE } from './seed.js';

const loadGenerator = new URL('./load-generator.js', import.meta.url);

/** Where a producer posts: one app of one API. */
export interface ProducerTarget {
  baseUrl: string;
  apiKey: string;
  appId: string;
}

export type ProducerLoad = Omit<
  LoadParams,
  'baseUrl' | 'apiKey' | 'appId' | 'eventType' | 'payloadBytes'
>;

/**
 * The client side of a benchmark: one process posting messages to one app, kept for a whole
 * scenario. A warm-up through it warms the producer too (its JIT, its keep-alive connections), as
 * a platform's own client would be after running a while; a fresh process per step would start
 * every step cold, and its stalls would count against the system measured.
 */
export interface Producer {
  load(params: ProducerLoad): Promise<LoadResult>;
  /** Open loop: `rate` messages/s for `seconds`, on 64 connections. */
  offer(rate: number, seconds: number): Promise<LoadResult>;
  close(): Promise<void>;
}

export function startProducer(target: ProducerTarget, payloadBytes: number): Producer {
  const service = startChildService<LoadParams, LoadResult>(loadGenerator);
  const load = (params: ProducerLoad) =>
    service.run({
      baseUrl: target.baseUrl,
      apiKey: target.apiKey,
      appId: target.appId,
      eventType: EVENT_TYPE,
      payloadBytes,
      ...params,
    });
  return {
    load,
    offer: (rate, seconds) => load({ mode: 'open', connections: 64, rate, seconds }),
    close: () => service.close(),
  };
}

/** Runs `fn` with a producer, ended afterwards whatever happens. */
export async function withProducer<T>(
  target: ProducerTarget,
  payloadBytes: number,
  fn: (producer: Producer) => Promise<T>,
): Promise<T> {
  const producer = startProducer(target, payloadBytes);
  try {
    return await fn(producer);
  } finally {
    await producer.close();
  }
}
