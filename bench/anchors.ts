import type { BullmqParams, BullmqResult, RedisTarget } from './bullmq-baseline.js';
import type { RawCeilingParams, RawCeilingResult } from './raw-ceiling.js';
import { runChildTask } from './lib/child-task.js';
import { count, fmt, size } from './lib/format.js';
import { failed, skipped, type ScenarioResult } from './lib/results.js';
import type { Plan } from './plan.js';
import type { Receiver } from './receiver-client.js';

export async function measureRawCeiling(plan: Plan, receiver: Receiver): Promise<ScenarioResult> {
  const base = {
    id: 'raw-ceiling',
    group: 'anchor' as const,
    label: 'Raw ceiling: undici, nothing stored',
    setup: `${fmt(plan.rawRequests)} POSTs, ${size(plan.payloadBytes)}, concurrency ${plan.concurrency}`,
  };
  try {
    await receiver.configure({ failRatio: 0, latencyMs: 0, record: false });
    await receiver.reset();
    const result = await runChildTask<RawCeilingParams, RawCeilingResult>(
      new URL('./raw-ceiling.js', import.meta.url),
      {
        url: receiver.url('/'),
        requests: plan.rawRequests,
        concurrency: plan.concurrency,
        payloadBytes: plan.payloadBytes,
      },
    );
    if (result.failed > 0) throw new Error(`${result.failed} requests were not answered 2xx`);
    return {
      ...base,
      status: 'ok',
      perSecond: result.perSecond,
      unit: 'POSTs/s',
      extra: { seconds: result.seconds },
    };
  } catch (error) {
    return failed(base, error);
  }
}

export async function measureBullmq(
  plan: Plan,
  receiver: Receiver,
  redis: RedisTarget,
  redisProblem: string | null,
  failRatio: number,
): Promise<ScenarioResult> {
  const failing = failRatio > 0;
  const { messages, endpoints } = plan.drain;
  const base = {
    id: failing ? 'bullmq-failing-10' : 'bullmq',
    group: 'anchor' as const,
    label: failing ? 'BullMQ + Redis, 10% of responses failing' : 'BullMQ + Redis baseline',
    setup:
      `${count(messages * endpoints, 'job')} (${count(messages, 'message')} × ${count(endpoints, 'endpoint')}), ${size(plan.payloadBytes)}, ` +
      `worker concurrency ${plan.concurrency}, attempts ${plan.retry.attempts}, exponential backoff ${plan.retry.backoffMs} ms`,
  };
  if (redisProblem) return skipped(base, redisProblem);
  try {
    await receiver.configure({ failRatio, latencyMs: 0, record: false });
    await receiver.reset();
    const result = await runChildTask<BullmqParams, BullmqResult>(
      new URL('./bullmq-baseline.js', import.meta.url),
      {
        redis,
        url: receiver.url('/'),
        messages,
        endpoints,
        concurrency: plan.concurrency,
        payloadBytes: plan.payloadBytes,
        attempts: plan.retry.attempts,
        backoffMs: plan.retry.backoffMs,
      },
    );
    const arrived = await receiver.stats();
    return {
      ...base,
      status: 'ok',
      perSecond: result.perSecond,
      unit: 'deliveries/s',
      extra: {
        seconds: result.seconds,
        fromFirstPerSecond: Math.round(result.fromFirstPerSecond),
        seedSeconds: result.seedSeconds,
        succeeded: result.succeeded,
        failedFinal: result.failed,
        attempts: result.attempts,
        receiverOk: arrived.ok,
        receiverFailed: arrived.failed,
      },
    };
  } catch (error) {
    return failed(base, error);
  }
}
