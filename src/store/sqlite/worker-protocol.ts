import type { MessagePort } from 'node:worker_threads';
import { isErrorCode } from '../../lib/error-codes.js';
import { HooklineError, type ErrorDetail } from '../../lib/errors.js';
import type { BinStore } from '../bin-store.js';
import type { BotStore } from '../bot-store.js';
import type { PortalStore } from '../portal-store.js';
import type { Covers, StoreWrite } from '../store-methods.js';
import type { InsertMessageResult, NewMessage } from '../store.js';

/** The sub-stores of `Store` the thread serves besides the store itself. */
export type SubStore = 'bins' | 'bots' | 'portal';

export const BIN_READS = [
  'getBin',
  'listBins',
  'getRequest',
  'listRequests',
  'requestsAfter',
  'latestRequestId',
  'countRequests',
] as const satisfies ReadonlyArray<keyof BinStore>;
export const BIN_WRITES = [
  'createBin',
  'updateBin',
  'deleteBin',
  'purgeExpiredBins',
  'insertRequest',
  'deleteRequest',
  'clearRequests',
] as const satisfies ReadonlyArray<keyof BinStore>;
export const BOT_READS = [
  'getConnection',
  'listConnections',
  'listInvocations',
] as const satisfies ReadonlyArray<keyof BotStore>;
export const BOT_WRITES = [
  'createConnection',
  'updateConnection',
  'deleteConnection',
  'recordInvocation',
] as const satisfies ReadonlyArray<keyof BotStore>;

export const PORTAL_READS = ['getSessionByHash'] as const satisfies ReadonlyArray<
  keyof PortalStore
>;
export const PORTAL_WRITES = [
  'createSession',
  'redeemLink',
  'deleteSession',
  'deleteSessionsOfApp',
] as const satisfies ReadonlyArray<keyof PortalStore>;

// Every sub-store method is listed as a read or a write (a new one fails to compile until it is).
const everyBinMethod: Covers<BinStore, (typeof BIN_READS)[number] | (typeof BIN_WRITES)[number]> =
  true;
const everyBotMethod: Covers<BotStore, (typeof BOT_READS)[number] | (typeof BOT_WRITES)[number]> =
  true;
const everyPortalMethod: Covers<
  PortalStore,
  (typeof PORTAL_READS)[number] | (typeof PORTAL_WRITES)[number]
> = true;
void everyBinMethod;
void everyPortalMethod;
void everyBotMethod;

/** Sub-store reads run in the calling thread on the read-only connection; writes go to the thread. */
export const SUB_STORE_READS: Record<SubStore, ReadonlySet<string>> = {
  bins: new Set(BIN_READS),
  bots: new Set(BOT_READS),
  portal: new Set(PORTAL_READS),
};

/** A method call forwarded to the store thread: every write, and opening and closing. */
export type WorkerCall = { id: number; args: unknown[] } & (
  | { target: 'store'; method: StoreWrite | 'migrate' | 'close' }
  | { target: 'bins'; method: (typeof BIN_WRITES)[number] }
  | { target: 'bots'; method: (typeof BOT_WRITES)[number] }
  | { target: 'portal'; method: (typeof PORTAL_WRITES)[number] }
);

/** Sent by the thread that started the store thread: serve calls arriving on this port too. */
export interface AttachPort {
  attach: MessagePort;
}

/**
 * Calls travel in batches: every call a thread makes in one turn of its event loop goes in one
 * message (`WorkerCall[]`), and the replies a group commit settles go back in one (`WorkerReply[]`).
 */
export type WorkerReply =
  | {
      id: number;
      ok: true;
      value: unknown;
      /**
       * Set on an `insertMessage` reply whose message payload is the one the call sent, and on every
       * `insertMessages` reply: the thread leaves out each payload the call sent and the caller puts
       * its own back (no copy each way).
       */
      payloadOfCall?: true;
    }
  | { id: number; ok: false; error: SerializedError };

/**
 * An `insertMessage` (or `insertMessages`) result as the thread replies it: a message payload that is
 * the one the call sent is left out.
 */
export function replyValue(
  call: WorkerCall,
  value: unknown,
): Omit<WorkerReply & { ok: true }, 'id'> {
  if (call.target !== 'store') return { ok: true, value };
  if (call.method === 'insertMessage') {
    const result = value as InsertMessageResult;
    const left = withoutSentPayload(result, call.args[0] as NewMessage);
    return left === result ? { ok: true, value } : { ok: true, value: left, payloadOfCall: true };
  }
  if (call.method === 'insertMessages') {
    const sent = call.args[0] as NewMessage[];
    const results = (value as InsertMessageResult[]).map((r, i) => withoutSentPayload(r, sent[i]));
    return { ok: true, value: results, payloadOfCall: true };
  }
  return { ok: true, value };
}

function withoutSentPayload(result: InsertMessageResult, sent: NewMessage): InsertMessageResult {
  if (result.message.payload !== sent.payload) return result;
  const { payload: _payload, ...message } = result.message;
  return { ...result, message } as InsertMessageResult;
}

/** The payloads a call sends that its reply may leave out, to put back (`revivePayload`). */
export function sentPayloads(call: Omit<WorkerCall, 'id'>): string | string[] | undefined {
  if (call.target !== 'store') return undefined;
  if (call.method === 'insertMessage') return (call.args[0] as NewMessage).payload;
  if (call.method === 'insertMessages') return (call.args[0] as NewMessage[]).map((m) => m.payload);
  return undefined;
}

/** The reply's value, with the payloads the call sent put back where the thread left them out. */
export function revivePayload(value: unknown, sent: string | string[]): unknown {
  if (typeof sent === 'string') {
    (value as InsertMessageResult).message.payload = sent;
    return value;
  }
  for (const [i, result] of (value as InsertMessageResult[]).entries())
    if ((result.message as { payload?: string }).payload === undefined)
      result.message.payload = sent[i];
  return value;
}

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  details?: ErrorDetail[];
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof HooklineError) {
    return {
      name: error.name,
      message: error.message,
      code: error.code,
      details: error.details,
    };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: error.name,
      message: error.message,
      code: typeof code === 'string' ? code : undefined,
    };
  }
  return { name: 'Error', message: String(error) };
}

/** The error as thrown on the store thread: HooklineErrors keep their code (hence status) and details. */
export function reviveError(e: SerializedError): Error {
  if (e.name === 'HooklineError' && isErrorCode(e.code)) {
    return new HooklineError(e.code, e.message, e.details ?? []);
  }
  const error = new Error(e.message) as Error & { code?: string };
  error.name = e.name;
  if (e.code !== undefined) error.code = e.code;
  return error;
}

/** Structured cloning turns Buffers into plain Uint8Arrays; give callers their Buffers back. */
export function reviveBuffers(value: unknown, depth = 0): unknown {
  if (value instanceof Uint8Array)
    return Buffer.isBuffer(value)
      ? value
      : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveBuffers(value[i], depth + 1);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = reviveBuffers(record[key], depth + 1);
  return record;
}
