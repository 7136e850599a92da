import { epochNow } from '../lib/timing.js';

const DAY = 86_400_000;

export interface PurgeLoop {
  /** Ends the purge after its current request; reports what it did while the load ran. */
  stop(): Promise<{ messages: number; runningAtStop: boolean; perSecond: number }>;
}

/** Calls POST /api/v1/purge until done or stopped (the end of the load). */
export function purgeLoop(baseUrl: string, token: string): PurgeLoop {
  const before = new Date(Date.now() - 30 * DAY).toISOString();
  let messages = 0;
  let done = false;
  let stopped = false;
  const started = epochNow();
  const run = (async () => {
    let cursor: string | null = null;
    while (!done && !stopped) {
      const res = await fetch(`${baseUrl}/api/v1/purge`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ before, limit: 1000, ...(cursor ? { cursor } : {}) }),
      });
      const body = (await res.json()) as { messages: number; done: boolean; cursor: string | null };
      if (res.status !== 200) throw new Error(`purge: HTTP ${res.status} ${JSON.stringify(body)}`);
      messages += body.messages;
      done = body.done;
      cursor = body.cursor;
    }
  })();
  // A failed request ends the loop; stop() reports it (with the server's output, by its caller).
  run.catch(() => {});
  return {
    async stop() {
      const runningAtStop = !done;
      stopped = true;
      await run;
      return { messages, runningAtStop, perSecond: messages / ((epochNow() - started) / 1000) };
    },
  };
}
