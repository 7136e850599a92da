import type { Dispatcher } from 'undici';

export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** What came back, or the error that ended the exchange. */
export type ExchangeOutcome =
  | { ok: true; statusCode: number; headers: ResponseHeaders; body: Buffer; truncated: boolean }
  | { ok: false; error: unknown; timedOut: boolean };

export class ExchangeTimeout extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * One request over undici's dispatch API: no stream or AbortController per request (this is the
 * hot path of every delivery). The whole exchange, queueing for a connection included, ends at
 * `timeoutMs`; at most `capBytes` of the answer are kept, and a longer answer's connection is cut.
 */
export function exchange(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
  timeoutMs: number,
  capBytes: number,
): Promise<ExchangeOutcome> {
  return new Promise((resolve) => {
    let controller: Dispatcher.DispatchController | null = null;
    let settled = false;
    let statusCode = 0;
    let headers: ResponseHeaders = {};
    const chunks: Buffer[] = [];
    let size = 0;

    const finish = (outcome: ExchangeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      const error = new ExchangeTimeout(`no complete answer within ${timeoutMs} ms`);
      finish({ ok: false, error, timedOut: true });
      // Not started yet (waiting for a connection): onRequestStart aborts it when it gets one.
      controller?.abort(error);
    }, timeoutMs);

    const done = (truncated: boolean) =>
      finish({
        ok: true,
        statusCode,
        headers,
        body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size),
        truncated,
      });

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(c) {
        controller = c;
        if (settled) c.abort(new ExchangeTimeout('timed out before a connection was free'));
      },
      onResponseStart(_c, status, responseHeaders) {
        // 1xx answers are interim; the final status replaces them.
        statusCode = status;
        headers = responseHeaders;
      },
      onResponseData(c, chunk) {
        if (settled) return;
        const room = capBytes - size;
        if (chunk.length > room) {
          if (room > 0) chunks.push(chunk.subarray(0, room));
          size += room;
          done(true);
          c.abort(new Error('response body over the cap'));
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      },
      onResponseEnd() {
        done(false);
      },
      onResponseError(_c, error) {
        finish({ ok: false, error, timedOut: false });
      },
    };
    dispatcher.dispatch({ ...options, headersTimeout: timeoutMs, bodyTimeout: timeoutMs }, handler);
  });
}
