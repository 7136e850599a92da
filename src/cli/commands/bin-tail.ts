import { Agent } from 'undici';
import { ApiClient, resolveToken } from '../api-client.js';
import type { GlobalFlags } from '../cli-api.js';
import { BinSubscription } from '../listen/bin-subscription.js';
import { clockTime } from '../listen/request-line.js';
import type { BinRequestJson } from '../../inspector/request-json.js';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

/** One line per captured request: time, method, path, event type guess, size. */
export function capturedLine(r: BinRequestJson): string {
  const type = r.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '-';
  const path = `${r.subpath || '/'}${r.query ? `?${r.query}` : ''}`;
  return `${clockTime(r.receivedAt)}  #${r.id}  ${r.method.padEnd(7)} ${path}  ${r.eventType ?? '-'}  ${type}  ${r.bodySize} bytes`;
}

/**
 * `hookline bins tail <binId>`: follows the bin's live stream (reconnecting without missing a
 * request) and prints each capture, as a line or (--json) as one JSON object per line.
 */
export async function tailBin(
  global: GlobalFlags,
  binId: string,
  options: { fromStart: boolean; json: boolean },
): Promise<void> {
  const client = { url: global.url, token: global.token ?? null, dataDir: global.dataDir };
  const api = new ApiClient(client);
  const bin = await api.call<{ id: string; url: string }>(
    'GET',
    `/api/v1/bins/${encodeURIComponent(binId)}`,
  );
  // Start after the newest capture held now: what arrives while the stream connects is not lost.
  const newest = await api.call<{ data: Array<{ id: number }> }>(
    'GET',
    `/api/v1/bins/${encodeURIComponent(bin.id)}/requests?limit=1`,
  );
  const note = (line: string) => process.stderr.write(`${line}\n`);
  note(`Tailing bin ${bin.id}: ${bin.url} (Ctrl-C to stop)`);
  const agent = new Agent();
  const subscription = new BinSubscription({
    apiUrl: global.url,
    token: resolveToken(client),
    binId: bin.id,
    dispatcher: agent,
    after: options.fromStart ? 0 : (newest.data[0]?.id ?? 0),
    onRequest: async (captured) =>
      say(options.json ? JSON.stringify(captured) : capturedLine(captured)),
    onConnected: () => note('Connected; waiting for requests'),
    onDropped: (reason, retryInMs) =>
      note(`Stream dropped (${reason}); reconnecting in ${retryInMs} ms`),
  });
  const stop = () => subscription.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const end = await subscription.run();
    if (end.kind === 'deleted' || end.kind === 'expired') {
      note(`Bin ${bin.id} ${end.kind === 'deleted' ? 'was deleted' : 'has expired'}.`);
      process.exitCode = 1;
    } else if (end.kind === 'refused') {
      throw new Error(`the live stream was refused (HTTP ${end.status}): ${end.message}`);
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await agent.destroy();
  }
}
