import { setTimeout as sleep } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import { describeError } from '../../delivery/error-kind.js';
import type { BinRequestJson } from '../../inspector/request-json.js';
import { SseParser } from './sse-parser.js';

export type SubscriptionEnd =
  | { kind: 'stopped' }
  | { kind: 'deleted' }
  | { kind: 'expired' }
  /** The API refused the stream for good (unknown bin, bad token): reconnecting would not help. */
  | { kind: 'refused'; status: number; message: string };

export interface SubscriptionOptions {
  apiUrl: string;
  token: string | null;
  binId: string;
  dispatcher: Dispatcher;
  /** Send what the bin already holds after this request id first; default: only new requests. */
  after?: number;
  /** Handles one captured request; awaited, so requests are handled one at a time, in order. */
  onRequest(request: BinRequestJson): Promise<void>;
  onConnected?(): void;
  onDropped?(reason: string, retryInMs: number): void;
  backoff?: { firstMs: number; maxMs: number };
  /** Heartbeats come every 15 s; this long without a byte means the connection is dead. */
  idleTimeoutMs?: number;
}

const FOR_GOOD = new Set([401, 403, 404]);

/**
 * Follows a bin's live stream, reconnecting with Last-Event-ID after every drop (backing off), so
 * no request captured meanwhile is missed or handled twice.
 */
export class BinSubscription {
  private readonly abort = new AbortController();
  /** The last request handled (or the stream's start position): where a reconnect resumes. */
  private lastId: number | undefined;

  constructor(private readonly o: SubscriptionOptions) {
    this.lastId = o.after;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  stop(): void {
    this.abort.abort();
  }

  async run(): Promise<SubscriptionEnd> {
    const { firstMs, maxMs } = this.o.backoff ?? { firstMs: 250, maxMs: 5000 };
    let waitMs = firstMs;
    while (!this.abort.signal.aborted) {
      let reason: string;
      try {
        const end = await this.connect(() => {
          waitMs = firstMs;
          this.o.onConnected?.();
        });
        if (end) return end;
        reason = 'the stream ended';
      } catch (error) {
        if (this.abort.signal.aborted) break;
        reason = describeError(error);
      }
      this.o.onDropped?.(reason, waitMs);
      try {
        await sleep(waitMs, undefined, { signal: this.abort.signal });
      } catch {
        break;
      }
      waitMs = Math.min(waitMs * 2, maxMs);
    }
    return { kind: 'stopped' };
  }

  /** One connection: returns how the subscription ended, or null when it should reconnect. */
  private async connect(connected: () => void): Promise<SubscriptionEnd | null> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (this.o.token) headers.authorization = `Bearer ${this.o.token}`;
    if (this.lastId !== undefined) headers['last-event-id'] = String(this.lastId);
    const res = await request(
      new URL(`/api/v1/bins/${encodeURIComponent(this.o.binId)}/stream`, this.o.apiUrl),
      {
        method: 'GET',
        headers,
        dispatcher: this.o.dispatcher,
        signal: this.abort.signal,
        headersTimeout: 10_000,
        bodyTimeout: this.o.idleTimeoutMs ?? 45_000,
      },
    );
    if (res.statusCode !== 200) {
      const text = await res.body.text().catch(() => '');
      let message = `HTTP ${res.statusCode}`;
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? message;
      } catch {
        // not JSON: keep the status
      }
      if (res.statusCode === 410) return { kind: 'expired' };
      if (FOR_GOOD.has(res.statusCode)) return { kind: 'refused', status: res.statusCode, message };
      throw new Error(message);
    }
    const parser = new SseParser();
    const decoder = new TextDecoder();
    for await (const chunk of res.body) {
      for (const message of parser.push(decoder.decode(chunk as Buffer, { stream: true }))) {
        if (message.event === 'ready') {
          const { after } = JSON.parse(message.data) as { after: number };
          this.lastId ??= after;
          connected();
        } else if (message.event === 'request') {
          const captured = JSON.parse(message.data) as BinRequestJson;
          await this.o.onRequest(captured);
          this.lastId = captured.id;
        } else if (message.event === 'deleted' || message.event === 'expired') {
          res.body.destroy();
          return { kind: message.event };
        }
        if (this.abort.signal.aborted) {
          res.body.destroy();
          return { kind: 'stopped' };
        }
      }
    }
    return null;
  }
}
