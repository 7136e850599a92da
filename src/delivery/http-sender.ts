import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import type { ErrorKind } from '../domain/types.js';
import type { RenderedRequest } from '../formats/format.js';
import {
  blockedReason,
  EgressRefused,
  egressRules,
  type EgressPolicy,
  type EgressRules,
} from './address-guard.js';
import { classifyError, describeError } from './error-kind.js';
import { exchange, type ResponseHeaders } from './http-exchange.js';

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
  /** The egress policy (and allow-list) every receiver address is checked against. */
  egress: EgressRules | EgressPolicy;
  /** Response bytes kept for the attempt log. */
  bodyCapBytes?: number;
  /** Keep-alive connections per origin. */
  connectionsPerOrigin?: number;
  /**
   * HTTP CONNECT proxy every request goes through (HOOKLINE_EGRESS_PROXY). The egress policy still
   * applies to the final target: Hookline resolves and checks it, then asks the proxy for that
   * very address, so the proxy's own DNS cannot send it elsewhere.
   */
  proxy?: string | null;
  /** Replaces DNS resolution (tests); must behave like dns.lookup. */
  lookup?: LookupFunction;
  /** Monotonic ms clock for durations. */
  monotonicNow?: () => number;
}

export const RESPONSE_BODY_CAP = 4096;
const TARGET_CACHE_SIZE = 10_000;

interface Target {
  origin: string;
  path: string;
  /** The URL's host name (no brackets) and `host:port` as sent in the Host header. */
  hostname: string;
  host: string;
  protocol: string;
  port: string;
  /** Why the egress policy refuses this IP-literal host; null when allowed or not a literal. */
  refused: string | null;
}

/** Wraps DNS so every resolved address is checked against the egress policy before connecting. */
function guardedLookup(rules: EgressRules, base: LookupFunction): LookupFunction {
  return ((
    hostname: string,
    options: { all?: boolean },
    callback: (...args: unknown[]) => void,
  ) => {
    base(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err);
      const list = addresses as unknown as LookupAddress[];
      for (const a of list) {
        const reason = blockedReason(a.address, rules);
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
  private readonly agent: Dispatcher;
  private readonly lookup: LookupFunction;
  private readonly bodyCap: number;
  private readonly monotonicNow: () => number;
  private readonly targets = new Map<string, Target>();
  private readonly egress: EgressRules;
  /** Keep-alive connections per origin: more requests than this to one origin wait for a free one. */
  readonly connectionsPerOrigin: number;

  constructor(private readonly options: HttpSenderOptions) {
    this.bodyCap = options.bodyCapBytes ?? RESPONSE_BODY_CAP;
    this.monotonicNow = options.monotonicNow ?? (() => performance.now());
    this.connectionsPerOrigin = options.connectionsPerOrigin ?? 64;
    this.egress = typeof options.egress === 'string' ? egressRules(options.egress) : options.egress;
    this.lookup = guardedLookup(this.egress, options.lookup ?? (dnsLookup as LookupFunction));
    const pool = {
      connections: this.connectionsPerOrigin,
      pipelining: 1,
      keepAliveTimeout: 30_000,
    };
    this.agent = options.proxy
      ? new ProxyAgent({ uri: options.proxy, ...pool })
      : new Agent({ ...pool, connect: { lookup: this.lookup } });
  }

  /** `bodyCapBytes` overrides the sender's cap for this request (bots read whole replies). */
  async send(
    request: RenderedRequest,
    timeoutMs: number,
    bodyCapBytes = this.bodyCap,
  ): Promise<SendResult> {
    const started = this.monotonicNow();
    const target = this.target(request.url);
    if (target.refused) return failure('blocked', target.refused, 0);
    const options: Dispatcher.DispatchOptions = {
      origin: target.origin,
      path: target.path,
      method: request.method as Dispatcher.HttpMethod,
      headers: request.headers,
      body: request.body ?? undefined,
    };
    if (this.options.proxy && isIP(target.hostname) === 0) {
      try {
        Object.assign(options, await this.pinned(target, request.headers));
      } catch (error) {
        const kind = classifyError(error);
        const message = kind === 'blocked' ? (error as Error).message : describeError(error);
        return failure(kind, message, Math.round(this.monotonicNow() - started));
      }
    }
    const outcome = await exchange(this.agent, options, timeoutMs, bodyCapBytes);
    const durationMs = Math.round(this.monotonicNow() - started);
    if (!outcome.ok) {
      const kind = outcome.timedOut ? 'timeout' : classifyError(outcome.error);
      const message =
        kind === 'timeout'
          ? `no complete answer within ${timeoutMs} ms`
          : describeError(outcome.error);
      return failure(kind, message, durationMs);
    }
    const ok = outcome.statusCode >= 200 && outcome.statusCode < 300;
    return {
      statusCode: outcome.statusCode,
      headers: flattenHeaders(outcome.headers),
      body: outcome.body.toString('utf8'),
      bodyTruncated: outcome.truncated,
      durationMs,
      errorKind: ok ? null : 'status',
      errorMessage: ok ? null : `receiver answered HTTP ${outcome.statusCode}`,
    };
  }

  /**
   * Through a proxy, the connect-time lookup never runs (the proxy resolves names): resolve and
   * check the name here, and send to the checked address with the name as Host and TLS server
   * name.
   */
  private async pinned(
    target: Target,
    headers: Record<string, string>,
  ): Promise<Pick<Dispatcher.DispatchOptions, 'origin' | 'headers'>> {
    const address = await new Promise<string>((resolve, reject) =>
      this.lookup(target.hostname, {}, (err, ip) => (err ? reject(err) : resolve(ip as string))),
    );
    const literal = isIP(address) === 6 ? `[${address}]` : address;
    return {
      origin: `${target.protocol}//${literal}${target.port ? `:${target.port}` : ''}`,
      // undici takes the TLS server name from the Host header.
      headers: { ...headers, host: target.host },
    };
  }

  /** The origin requests to `url` share a pool with (the URL itself when it does not parse). */
  originOf(url: string): string {
    try {
      return this.target(url).origin;
    } catch {
      return url;
    }
  }

  /**
   * The URL split for undici, and the egress verdict for IP-literal hosts (they skip DNS, so the
   * guarded lookup never sees them). Cached per URL: endpoints send to the same few URLs all day.
   */
  private target(url: string): Target {
    let target = this.targets.get(url);
    if (target === undefined) {
      const parsed = new URL(url);
      const host = parsed.hostname.replace(/^\[|\]$/g, '');
      const refused = isIP(host) === 0 ? null : blockedReason(host, this.egress);
      target = {
        origin: parsed.origin,
        path: `${parsed.pathname}${parsed.search}`,
        hostname: host,
        host: parsed.host,
        protocol: parsed.protocol,
        port: parsed.port,
        refused,
      };
      if (this.targets.size >= TARGET_CACHE_SIZE) this.targets.clear();
      this.targets.set(url, target);
    }
    return target;
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

function failure(kind: ErrorKind, message: string, durationMs: number): SendResult {
  return {
    statusCode: null,
    headers: {},
    body: '',
    bodyTruncated: false,
    durationMs,
    errorKind: kind,
    errorMessage: message,
  };
}

/** undici's own object when no header repeats (the usual answer): no copy per attempt. */
function flattenHeaders(headers: ResponseHeaders): Record<string, string> {
  let plain = true;
  for (const name in headers) {
    if (typeof headers[name] !== 'string') {
      plain = false;
      break;
    }
  }
  if (plain) return headers as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
