import type { ApiClient } from '../api-client.js';
import { seg } from '../cli-api.js';

interface AttemptJson {
  statusCode: number | null;
  durationMs: number;
  errorKind: string | null;
  errorMessage: string | null;
  at: string;
  test: boolean;
}

type Page<T> = { data: T[]; nextCursor: string | null };

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** Counts up to `cap` deliveries of the endpoint in a state (a page of 250 at most per call). */
async function countDeliveries(api: ApiClient, base: string, state: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page: Page<unknown> = await api.call(
      'GET',
      `${base}/deliveries?state=${state}&limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    count += page.data.length;
    cursor = page.nextCursor;
  } while (cursor && count < 10_000);
  return count;
}

/**
 * An endpoint's health as the CLI shows it: its own `health` figures when the server keeps them,
 * and a summary of its latest attempts and of its backlog, read through the API.
 */
export async function endpointHealth(
  api: ApiClient,
  appId: string,
  endpointId: string,
  attempts: number,
): Promise<Record<string, unknown>> {
  const base = `/api/v1/apps/${seg(appId)}/endpoints/${seg(endpointId)}`;
  const endpoint = await api.call<Record<string, unknown>>('GET', base);
  const recent: AttemptJson[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<AttemptJson> = await api.call(
      'GET',
      `${base}/attempts?limit=${Math.min(250, attempts - recent.length)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    recent.push(...page.data.filter((a) => !a.test));
    cursor = page.nextCursor;
  } while (cursor && recent.length < attempts);
  const ok = recent.filter(
    (a) => a.statusCode !== null && a.statusCode >= 200 && a.statusCode < 300,
  );
  const latencies = recent.map((a) => a.durationMs).sort((a, b) => a - b);
  const lastFailure = recent.find((a) => !ok.includes(a));
  const [pending, failed] = await Promise.all([
    countDeliveries(api, base, 'pending'),
    countDeliveries(api, base, 'failed'),
  ]);
  return {
    endpointId,
    url: endpoint.url,
    disabled: endpoint.disabled,
    ...(endpoint.disabledReason !== undefined ? { disabledReason: endpoint.disabledReason } : {}),
    ...(endpoint.health !== undefined ? { health: endpoint.health } : {}),
    recentAttempts: recent.length,
    successRate: recent.length === 0 ? null : Number((ok.length / recent.length).toFixed(3)),
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP95Ms: percentile(latencies, 0.95),
    lastAttemptAt: recent[0]?.at ?? null,
    lastFailure: lastFailure
      ? `${lastFailure.at} ${lastFailure.statusCode ?? lastFailure.errorKind}${lastFailure.errorMessage ? `: ${lastFailure.errorMessage}` : ''}`
      : null,
    pendingDeliveries: pending,
    failedDeliveries: failed,
  };
}
