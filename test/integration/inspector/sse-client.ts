import { Agent, request } from 'undici';
import { SseParser, type SseMessage } from '../../../src/cli/listen/sse-parser.js';

export interface TestStream {
  status: number;
  events: SseMessage[];
  /** Resolves once `count` events (comments aside) have arrived in total. */
  waitFor(count: number): Promise<SseMessage[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): Promise<void>;
}

/** Opens a bin's live stream over real HTTP and collects its events. */
export async function openStream(
  baseUrl: string,
  binId: string,
  token: string,
  options: { lastEventId?: number; after?: number } = {},
): Promise<TestStream> {
  const agent = new Agent();
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (options.lastEventId !== undefined) headers['last-event-id'] = String(options.lastEventId);
  const query = options.after !== undefined ? `?after=${options.after}` : '';
  const res = await request(`${baseUrl}/api/v1/bins/${binId}/stream${query}`, {
    headers,
    dispatcher: agent,
  });
  const events: SseMessage[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const parser = new SseParser();
  const ended = (async () => {
    try {
      for await (const chunk of res.body) {
        events.push(...parser.push((chunk as Buffer).toString('utf8')));
        for (const w of [...waiters]) {
          if (events.length >= w.count) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve();
          }
        }
      }
    } catch {
      // closed by the test
    }
  })();
  return {
    status: res.statusCode,
    events,
    ended,
    waitFor: (count) =>
      new Promise((resolve, reject) => {
        if (events.length >= count) return resolve(events);
        const timer = setTimeout(
          () =>
            reject(
              new Error(`only ${events.length} of ${count} events: ${JSON.stringify(events)}`),
            ),
          10_000,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(events);
          },
        });
      }),
    async close() {
      res.body.destroy();
      await ended;
      await agent.destroy();
    },
  };
}
