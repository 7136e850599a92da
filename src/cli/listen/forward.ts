import type { Dispatcher } from 'undici';
import { request } from 'undici';
import { describeError } from '../../delivery/error-kind.js';
import type { BinRequestJson } from '../../inspector/request-json.js';
import { forwardHeaders, forwardUrl } from './forward-target.js';

export interface ForwardResult {
  /** The target's status, or null when it could not be reached or did not answer in time. */
  status: number | null;
  durationMs: number;
  error: string | null;
}

/** The captured body bytes (as kept: a truncated body is forwarded truncated). */
export function bodyOf(captured: Pick<BinRequestJson, 'body' | 'bodyEncoding'>): Buffer {
  return Buffer.from(captured.body, captured.bodyEncoding === 'base64' ? 'base64' : 'utf8');
}

/**
 * Replays one captured request to the target: same method, path below the bin appended, query,
 * headers (hop-by-hop ones aside) and body. Never throws: a down target is a result.
 */
export async function forward(
  dispatcher: Dispatcher,
  captured: BinRequestJson,
  target: URL,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<ForwardResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const body = bodyOf(captured);
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const res = await request(forwardUrl(target, captured.subpath, captured.query), {
      dispatcher,
      method: captured.method as Dispatcher.HttpMethod,
      headers: forwardHeaders(captured.headers),
      body: body.length > 0 || !['GET', 'HEAD'].includes(captured.method) ? body : undefined,
      signal: AbortSignal.any([signal, timeout]),
    });
    await res.body.dump();
    return { status: res.statusCode, durationMs: elapsed(), error: null };
  } catch (error) {
    const message = timeout.aborted ? `no answer within ${timeoutMs} ms` : describeError(error);
    return { status: null, durationMs: elapsed(), error: message };
  }
}
