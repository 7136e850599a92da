import { isErrorCode } from '../../lib/error-codes.js';
import { HooklineError, type ErrorDetail } from '../../lib/errors.js';

/** A method call forwarded to the store thread. */
export interface WorkerCall {
  id: number;
  target: 'store' | 'bins' | 'bots';
  method: string;
  args: unknown[];
}

export type WorkerReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

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
