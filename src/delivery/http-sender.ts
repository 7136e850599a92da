import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent } from 'undici';
import type { ErrorKind } from '../domain/types.js';
import type { RenderedRequest } from '../formats/format.js';
import { blockedReason, type EgressPolicy } from './address-guard.js';
import { classifyError, describeError } from './error-kind.js';

/** What one HTTP try produced. */
export interface SendResult {
  statusCode: number | null;
  headers: Record<string, string>;
  /** The first `bodyCapBytes` of the response body (UTF-8, lossy). */
  body: string;
  bodyTruncated: boolean;
  durationMs: number;
  errorKind: ErrorKind | null;
  errorMessage: string | null;
}

export interface HttpSenderOptions {
  egress: EgressPolicy;
  /** Response bytes kept for the attempt log. */
  bodyCapBytes?: number;
  /** Keep-alive connections per origin. */
  connectionsPerOrigin?: number;
  /** Replaces DNS resolution (tests); must behave like dns.lookup. */
  lookup?: LookupFunction;
  /** Monotonic ms clock for durations. */
  monotonicNow?: () => number;
}

export const RESPONSE_BODY_CAP = 4096;

class EgressRefused extends Error {
  readonly code = 'EGRESS_REFUSED';
}

/** Wraps DNS so every resolved address is checked against the egress policy before connecting. */
function guardedLookup(policy: EgressPolicy, base: LookupFunction): LookupFunction {
  return ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    base(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err);
      const list = addresses as unknown as LookupAddress[];
      for (const a of list) {
        const reason = blockedReason(a.address, policy);
        if (reason) return callback(new EgressRefused(`${hostname}: ${reason}`));
      }
      if (options.all) return callback(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  }) as LookupFunction;
}

/**
 * POSTs rendered requests over keep-alive pools (one per origin), never following redirects, cut
 * off at the timeout and the body cap. Shared by the dispatcher, bots and the simulator.
 */
export class HttpSender {
  private readonly agent: Agent;
  private readonly bodyCap: number;
  private readonly monotonicNow: () => number;
  private readonly verdicts = new Map<string, string | null>();

  constructor(private readonly options: HttpSenderOptions) {
    this.bodyCap = options.bodyCapBytes ?? RESPONSE_BODY_CAP;
    this.monotonicNow = options.monotonicNow ?? (() => performance.now());
    this.agent = new Agent({
      connections: options.connectionsPerOrigin ?? 64,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      connect: { lookup: guardedLookup(options.egress, options.lookup ?? (dnsLookup as LookupFunction)) },
    });
  }

  /** `bodyCapBytes` overrides the sender's cap for this request (bots read whole replies). */
  async send(request: RenderedRequest, timeoutMs: number, bodyCapBytes = this.bodyCap): Promise<SendResult> {
    const started = this.monotonicNow();
    const elapsed = () => Math.round(this.monotonicNow() - started);
    const url = new URL(request.url);
    const reason = this.literalHostVerdict(url.hostname);
    if (reason) return failure('connection', reason, 0);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new DOMException('timed out', 'TimeoutError')), timeoutMs);
    try {
      const response = await this.agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: request.headers,
        body: request.body ?? undefined,
        signal: abort.signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const headers = flattenHeaders(response.headers);
      const { text, truncated } = await this.readCapped(response.body, bodyCapBytes);
      const ok = response.statusCode >= 200 && response.statusCode < 300;
      return {
        statusCode: response.statusCode,
        headers,
        body: text,
        bodyTruncated: truncated,
        durationMs: elapsed(),
        errorKind: ok ? null : 'status',
        errorMessage: ok ? null : `receiver answered HTTP ${response.statusCode}`,
      };
    } catch (error) {
      const kind = abort.signal.aborted ? 'timeout' : classifyError(error);
      const message = kind === 'timeout' ? `no complete answer within ${timeoutMs} ms` : describeError(error);
      return failure(kind, message, elapsed());
    } finally {
      clearTimeout(timer);
    }
  }

  /** IP-literal hosts skip DNS, so the egress policy is checked here; verdicts are cached per host. */
  private literalHostVerdict(hostname: string): string | null {
    let verdict = this.verdicts.get(hostname);
    if (verdict === undefined) {
      const host = hostname.replace(/^\[|\]$/g, '');
      verdict = isIP(host) === 0 ? null : blockedReason(host, this.options.egress);
      if (this.verdicts.size > 10_000) this.verdicts.clear();
      this.verdicts.set(hostname, verdict);
    }
    return verdict;
  }

  /** Reads at most the cap; a longer body is cut off (its connection is closed, not drained). */
  private async readCapped(
    body: AsyncIterable<Buffer> & { destroy(): void }, cap: number,
  ): Promise<{ text: string; truncated: boolean }> {
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    for await (const chunk of body) {
      const room = cap - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        size += room;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
    if (truncated) body.destroy();
    return { text: Buffer.concat(chunks, size).toString('utf8'), truncated };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

function failure(kind: ErrorKind, message: string, durationMs: number): SendResult {
  return { statusCode: null, headers: {}, body: '', bodyTruncated: false, durationMs, errorKind: kind, errorMessage: message };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
