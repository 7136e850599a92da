import { badRequest, HooklineError, unavailable } from '../../lib/errors.js';

/** Where the database is, for messages: host:port/database, never the password. */
export function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    const socketHost = u.searchParams.get('host');
    const host = u.hostname !== '' ? u.hostname : (socketHost ?? 'localhost');
    const port = u.port !== '' ? u.port : '5432';
    const database =
      decodeURIComponent(u.pathname.replace(/^\//, '')) ||
      decodeURIComponent(u.username) ||
      'postgres';
    return `${host}:${port}/${database}`;
  } catch {
    return 'an unparseable database URL';
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
]);
// admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, database_dropped
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300', '57P04']);
const DRIVER_MESSAGES =
  /connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|connection error|Client was closed/i;

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/** True when the error means "the database cannot be reached right now", not "the query is wrong". */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof HooklineError) return false;
  const code = codeOf(error);
  if (
    code !== undefined &&
    (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))
  )
    return true;
  return error instanceof Error && DRIVER_MESSAGES.test(error.message);
}

function reason(error: unknown): string {
  const code = codeOf(error);
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET') return 'connection reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host name not found';
  if (code === 'ETIMEDOUT') return 'timed out';
  if (code === '57P01') return 'the server is shutting down';
  if (code === '57P03') return 'the server is starting up';
  if (code === '53300') return 'too many connections';
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] || 'unknown error';
}

/** Errors leaving the store: unreachable database -> 503 store_unavailable; NUL in text -> 400. */
export function toStoreError(error: unknown, target: string): unknown {
  if (isConnectionError(error)) {
    return unavailable(
      `the database at ${target} is unavailable (${reason(error)}); try again shortly`,
    );
  }
  const code = codeOf(error);
  if (code === '22021' || code === '22P05') {
    return badRequest('text fields must not contain NUL (\\u0000) characters');
  }
  return error;
}

/** A startup error naming the host: what went wrong connecting, in one line. */
export function describeConnectError(error: unknown, url: string): HooklineError {
  const target = describeTarget(url);
  const host = target.split('/')[0];
  const code = codeOf(error);
  let message: string;
  if (code === 'ECONNREFUSED')
    message = `cannot connect to PostgreSQL at ${host}: connection refused (is the server running and listening there?)`;
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    message = `cannot connect to PostgreSQL at ${host}: the host name does not resolve`;
  else if (code === '28P01' || code === '28000')
    message = `PostgreSQL at ${host} refused the login: ${reason(error)}`;
  else if (code === '3D000') message = `PostgreSQL at ${host}: ${reason(error)}`;
  else if (isConnectionError(error))
    message = `cannot connect to PostgreSQL at ${host}: ${reason(error)}`;
  else message = `cannot use PostgreSQL at ${host}: ${reason(error)}`;
  return unavailable(message);
}
