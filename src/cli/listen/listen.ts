import { Agent } from 'undici';
import { ApiClient, resolveToken } from '../api-client.js';
import { forward } from './forward.js';
import { requestLine } from './request-line.js';
import { BinSubscription, type SubscriptionEnd } from './bin-subscription.js';

import type { GlobalFlags } from '../cli-api.js';

export interface ListenFlags {
  forward: URL;
  bin?: string;
  timeout: number;
}

interface BinJson {
  id: string;
  url: string;
  expiresAt: string;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `hookline listen --forward <url> [--bin <id>]`: captures in a bin (new, or the one given) and
 * forwards each request live to a local server, one line per request. Runs until Ctrl-C.
 */
export async function listen(flags: ListenFlags, global: GlobalFlags): Promise<void> {
  const api = new ApiClient({
    url: global.url,
    token: global.token ?? null,
    dataDir: global.dataDir,
  });
  const bin = flags.bin
    ? await api.call<BinJson>('GET', `/api/v1/bins/${encodeURIComponent(flags.bin)}`)
    : await api.call<BinJson>('POST', '/api/v1/bins', {});
  say(`Bin ${bin.id}: ${bin.url}`);
  say(`Forwarding every request to ${flags.forward.href} (Ctrl-C to stop)`);

  let connectedBefore = false;
  const streamAgent = new Agent();
  const forwardAgent = new Agent({ connections: 4 });
  const subscription = new BinSubscription({
    apiUrl: global.url,
    token: resolveToken({ url: global.url, token: global.token ?? null, dataDir: global.dataDir }),
    binId: bin.id,
    dispatcher: streamAgent,
    // A bin made just now is empty; an existing one only forwards what arrives from now on.
    after: flags.bin ? undefined : 0,
    onRequest: async (captured) => {
      const result = await forward(
        forwardAgent,
        captured,
        flags.forward,
        flags.timeout,
        subscription.signal,
      );
      if (!subscription.signal.aborted) say(requestLine(captured, result));
    },
    onConnected: () => {
      say(connectedBefore ? 'Reconnected' : 'Connected; waiting for requests');
      connectedBefore = true;
    },
    onDropped: (reason, retryInMs) =>
      say(`Stream dropped (${reason}); reconnecting in ${retryInMs} ms`),
  });
  const stop = () => subscription.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let end: SubscriptionEnd;
  try {
    end = await subscription.run();
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await Promise.all([streamAgent.destroy(), forwardAgent.destroy()]);
  }
  switch (end.kind) {
    case 'stopped':
      say(
        `Stopped. Bin ${bin.id} keeps capturing until ${bin.expiresAt}; attach again with --bin ${bin.id}`,
      );
      return;
    case 'deleted':
      say(`Bin ${bin.id} was deleted.`);
      process.exitCode = 1;
      return;
    case 'expired':
      say(`Bin ${bin.id} has expired.`);
      process.exitCode = 1;
      return;
    case 'refused':
      throw new Error(`the live stream was refused (HTTP ${end.status}): ${end.message}`);
  }
}
