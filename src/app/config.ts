import { resolve } from 'node:path';
import { EGRESS_POLICIES, parseAllowList, type EgressPolicy } from '../delivery/address-guard.js';
import { DEFAULT_DISPATCHER_OPTIONS } from '../delivery/dispatcher.js';
import { parseFrameAncestors } from '../api/console-headers.js';
import { DAY, MINUTE } from '../lib/durations.js';
import { parseDurationText } from '../lib/duration-text.js';
import { DEFAULT_DISABLE_AFTER_MS } from '../domain/endpoint-disabling.js';
import { DEFAULT_FAILING_AFTER } from '../domain/operational-events.js';
import { parseKey } from '../lib/secret-box.js';

export type Role = 'all' | 'api' | 'worker';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  logLevel: LogLevel;
  /** Log each request and its response (method, path, status, time; never headers or bodies). */
  logRequests: boolean;
  role: Role;
  /** null = embedded SQLite in dataDir. */
  databaseUrl: string | null;
  dbPoolSize: number;
  migrateOnStart: boolean;
  sqliteSync: 'full' | 'normal';
  /** Caps the SQLite file at this many pages (SQLite's max_page_count); null = no cap. */
  sqliteMaxPages: number | null;
  /** null = read or create `admin-token` in dataDir. */
  adminToken: string | null;
  /** Base URL printed for bins and links; default http://localhost:<port>. */
  publicUrl: string | null;
  payloadLimitBytes: number;
  idempotencyWindowMs: number;
  egress: EgressPolicy;
  /** CIDRs reachable whatever the egress policy says (`10.0.0.0/8,fd00::/8`). */
  egressAllow: string[];
  /** HTTP CONNECT proxy every delivery goes through; null = connect directly. */
  egressProxy: string | null;
  /** Addresses deliveries leave from, as the operator declares them (GET /api/v1/egress). */
  egressAddresses: string[];
  /** Refuse plain-http receiver URLs on every API (native, Svix, Viber, bots). */
  requireHttps: boolean;
  /**
   * Delivery (dispatcher, rendering, signing, sending) on a thread of its own, apart from HTTP
   * ingest; embedded SQLite, roles all and worker. Off: all in the main thread.
   */
  deliveryThread: boolean;
  batchSize: number;
  maxInflight: number;
  leaseMs: number;
  pollMs: number;
  /** Worker processes sharing the database; each enforces an endpoint's rateLimit divided by this. */
  rateLimitWorkers: number;
  /** Development switch: /pa/set_webhook accepts http:// webhook URLs (Viber requires https). */
  viberAllowHttp: boolean;
  /** How long a portal link can be exchanged for a session. */
  portalLinkTtlMs: number;
  /** How long a portal session lasts once opened, unless its creator asks for less or more. */
  portalSessionTtlMs: number;
  /** CSP `frame-ancestors` of the console's pages: who may embed the portal in an iframe. */
  portalFrameAncestors: string;
  /** Accepted for GET /metrics besides the admin token; required on the metrics port when set. */
  metricsToken: string | null;
  /** null = GET /metrics on the API port (token required); else its own port, on metricsHost. */
  metricsPort: number | null;
  metricsHost: string;
  /** Per-endpoint metric series for this many endpoints (the busiest); 0 = none. */
  metricsEndpointSeries: number;
  /** OTLP/HTTP traces endpoint (…/v1/traces); null = traces are not exported (tracing off). */
  otlpTracesUrl: string | null;
  /** Share of new traces sampled (0 to 1); a sampled producer's trace is always followed. */
  traceSampleRatio: number;
  /** An endpoint failing without a success for this long is disabled; null = never (`off`). */
  disableAfterMs: number | null;
  /** Consecutive failed attempts after which `endpoint.failing` is sent (operational webhooks). */
  failingAfter: number;
  /** Seals secrets at rest (base64 or hex of 32 bytes); null = the data folder's encryption-key file. */
  encryptionKey: string | null;
  /** Older keys, only to open what they sealed while `hookline encryption rotate-key` runs. */
  encryptionPreviousKeys: string[];
  /** Requests one credential may make on /api/v1 per apiRateLimitWindowMs; 0 = no limit. */
  apiRateLimit: number;
  apiRateLimitWindowMs: number;
  /** Settled messages (with deliveries, attempts, rollups) are deleted after this many days; 0 = never. */
  retentionDays: number;
  /** Payloads of settled messages are dropped after this many days (metadata kept); null = never earlier. */
  payloadRetentionDays: number | null;
}

interface OptionSpec {
  key: keyof Config;
  env: string;
  parse: (raw: string) => unknown;
  check?: (value: never) => string | null;
  /** A credential: a bad value is named, never repeated, in the error. */
  secret?: boolean;
}

const ROLES: Role[] = ['all', 'api', 'worker'];
const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export const DEFAULT_CONFIG: Config = {
  host: '0.0.0.0',
  port: 8080,
  dataDir: './data',
  logLevel: 'info',
  logRequests: false,
  role: 'all',
  databaseUrl: null,
  dbPoolSize: 10,
  migrateOnStart: true,
  sqliteSync: 'full',
  sqliteMaxPages: null,
  // 1,000 requests a second per credential, averaged over a minute: far above what a person or a
  // producer's steady traffic sends, low enough that one runaway key cannot monopolise the server.
  apiRateLimit: 60_000,
  apiRateLimitWindowMs: MINUTE,
  adminToken: null,
  publicUrl: null,
  payloadLimitBytes: 256 * 1024,
  idempotencyWindowMs: DAY,
  egress: 'public-only',
  egressAllow: [],
  egressProxy: null,
  egressAddresses: [],
  requireHttps: false,
  deliveryThread: true,
  batchSize: DEFAULT_DISPATCHER_OPTIONS.batchSize,
  maxInflight: DEFAULT_DISPATCHER_OPTIONS.maxInflight,
  leaseMs: DEFAULT_DISPATCHER_OPTIONS.leaseMs,
  pollMs: DEFAULT_DISPATCHER_OPTIONS.pollMs,
  rateLimitWorkers: 1,
  viberAllowHttp: false,
  portalLinkTtlMs: 10 * MINUTE,
  portalSessionTtlMs: 7 * DAY,
  portalFrameAncestors: "'self'",
  metricsToken: null,
  metricsPort: null,
  metricsHost: '127.0.0.1',
  metricsEndpointSeries: 0,
  otlpTracesUrl: null,
  traceSampleRatio: 1,
  disableAfterMs: DEFAULT_DISABLE_AFTER_MS,
  failingAfter: DEFAULT_FAILING_AFTER,
  encryptionKey: null,
  encryptionPreviousKeys: [],
  retentionDays: 30,
  payloadRetentionDays: null,
};

const int = (min: number, max: number) => (raw: string) => {
  if (!/^\d+$/.test(raw.trim())) return Number.NaN;
  const n = Number(raw);
  return n >= min && n <= max ? n : Number.NaN;
};
const bool = (raw: string) =>
  ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())
    ? true
    : ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())
      ? false
      : undefined;
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (raw: string) =>
    values.includes(raw as T) ? raw : undefined;
const text = (raw: string) => (raw.length > 0 ? raw : undefined);
const ratio = (raw: string) => {
  const n = Number(raw);
  return raw.trim() !== '' && n >= 0 && n <= 1 ? n : undefined;
};
/** A duration with its unit (`5d`, `36h`) from `min` on, or `off` (null). */
const durationOrOff = (min: number) => (raw: string) => {
  if (raw.trim().toLowerCase() === 'off') return null;
  const value = parseDurationText(raw);
  return value !== undefined && value >= min ? value : undefined;
};

function databaseUrl(raw: string): string | undefined {
  if (raw === '') return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:' ? raw : undefined;
  } catch {
    return undefined;
  }
}

function httpUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? raw.replace(/\/+$/, '')
      : undefined;
  } catch {
    return undefined;
  }
}

/** Comma-separated CIDRs or addresses, each checked; kept as the operator wrote them. */
function cidrList(raw: string): string[] | undefined {
  try {
    parseAllowList(raw);
  } catch {
    return undefined;
  }
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const key = (raw: string) => (parseKey(raw) ? raw.trim() : undefined);
const keyList = (raw: string) => {
  const keys = raw
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  return keys.every((k) => parseKey(k)) ? keys : undefined;
};
const KEY_FORMAT = 'base64 of 32 bytes (`openssl rand -base64 32`) or 64 hex digits';

/** Every option: its environment variable and how a raw string becomes a value. */
export const OPTIONS: Array<OptionSpec & { expects: string }> = [
  { key: 'host', env: 'HOOKLINE_HOST', parse: text, expects: 'a host name or address' },
  {
    key: 'port',
    env: 'HOOKLINE_PORT',
    parse: int(0, 65535),
    expects: 'an integer from 0 to 65535',
  },
  { key: 'dataDir', env: 'HOOKLINE_DATA_DIR', parse: text, expects: 'a folder path' },
  {
    key: 'logLevel',
    env: 'HOOKLINE_LOG_LEVEL',
    parse: oneOf(LEVELS),
    expects: `one of ${LEVELS.join(', ')}`,
  },
  { key: 'logRequests', env: 'HOOKLINE_LOG_REQUESTS', parse: bool, expects: 'true or false' },
  { key: 'role', env: 'HOOKLINE_ROLE', parse: oneOf(ROLES), expects: `one of ${ROLES.join(', ')}` },
  {
    key: 'databaseUrl',
    env: 'HOOKLINE_DATABASE_URL',
    parse: databaseUrl,
    expects: 'a postgres:// URL',
  },
  {
    key: 'dbPoolSize',
    env: 'HOOKLINE_DB_POOL_SIZE',
    parse: int(1, 1000),
    expects: 'an integer from 1 to 1000',
  },
  {
    key: 'migrateOnStart',
    env: 'HOOKLINE_MIGRATE_ON_START',
    parse: bool,
    expects: 'true or false',
  },
  {
    key: 'sqliteSync',
    env: 'HOOKLINE_SQLITE_SYNC',
    parse: oneOf(['full', 'normal'] as const),
    expects: 'full or normal',
  },
  {
    key: 'apiRateLimit',
    env: 'HOOKLINE_API_RATE_LIMIT',
    parse: int(0, 100_000_000),
    expects: 'an integer from 0 (no limit) to 100000000',
  },
  {
    key: 'apiRateLimitWindowMs',
    env: 'HOOKLINE_API_RATE_LIMIT_WINDOW_MS',
    parse: int(1000, DAY),
    expects: 'an integer of ms from 1000 to 1 day',
  },
  {
    key: 'sqliteMaxPages',
    env: 'HOOKLINE_SQLITE_MAX_PAGES',
    parse: int(64, 2 ** 31 - 2),
    expects: 'an integer of pages from 64 to 2147483646',
  },
  {
    key: 'adminToken',
    env: 'HOOKLINE_ADMIN_TOKEN',
    parse: (raw) => (raw.length >= 16 ? raw : undefined),
    expects: 'at least 16 characters',
    secret: true,
  },
  {
    key: 'publicUrl',
    env: 'HOOKLINE_PUBLIC_URL',
    parse: httpUrl,
    expects: 'an absolute http(s) URL',
  },
  {
    key: 'payloadLimitBytes',
    env: 'HOOKLINE_PAYLOAD_LIMIT_BYTES',
    parse: int(1024, 16 * 1024 * 1024),
    expects: 'an integer from 1024 to 16777216',
  },
  {
    key: 'idempotencyWindowMs',
    env: 'HOOKLINE_IDEMPOTENCY_WINDOW_MS',
    parse: int(1000, 30 * DAY),
    expects: 'an integer of ms from 1000 to 30 days',
  },
  {
    key: 'egress',
    env: 'HOOKLINE_EGRESS',
    parse: oneOf(EGRESS_POLICIES),
    expects: `one of ${EGRESS_POLICIES.join(', ')} (formerly private-and-loopback, private, none)`,
  },
  {
    key: 'egressAllow',
    env: 'HOOKLINE_EGRESS_ALLOW',
    parse: cidrList,
    expects: 'comma-separated CIDRs or addresses, e.g. 10.1.0.0/16,fd00::/8',
  },
  {
    key: 'egressProxy',
    env: 'HOOKLINE_EGRESS_PROXY',
    parse: httpUrl,
    expects: 'an http(s) URL of an HTTP CONNECT proxy',
  },
  {
    key: 'egressAddresses',
    env: 'HOOKLINE_EGRESS_ADDRESSES',
    parse: cidrList,
    expects: 'comma-separated addresses or CIDRs, e.g. 203.0.113.7,2001:db8::/64',
  },
  {
    key: 'requireHttps',
    env: 'HOOKLINE_REQUIRE_HTTPS',
    parse: bool,
    expects: 'true or false',
  },
  {
    key: 'deliveryThread',
    env: 'HOOKLINE_DELIVERY_THREAD',
    parse: bool,
    expects: 'on or off',
  },
  {
    key: 'batchSize',
    env: 'HOOKLINE_BATCH_SIZE',
    parse: int(1, 10_000),
    expects: 'an integer from 1 to 10000',
  },
  {
    key: 'maxInflight',
    env: 'HOOKLINE_MAX_INFLIGHT',
    parse: int(1, 100_000),
    expects: 'an integer from 1 to 100000',
  },
  {
    key: 'leaseMs',
    env: 'HOOKLINE_LEASE_MS',
    parse: int(70_000, DAY),
    expects: 'an integer of ms from 70000 (above the 60 s maximum timeout) to 1 day',
  },
  {
    key: 'pollMs',
    env: 'HOOKLINE_POLL_MS',
    parse: int(10, 60_000),
    expects: 'an integer of ms from 10 to 60000',
  },
  {
    key: 'rateLimitWorkers',
    env: 'HOOKLINE_RATE_LIMIT_WORKERS',
    parse: int(1, 1000),
    expects: 'an integer from 1 to 1000',
  },
  {
    key: 'viberAllowHttp',
    env: 'HOOKLINE_VIBER_ALLOW_HTTP',
    parse: bool,
    expects: 'true or false',
  },
  {
    key: 'portalLinkTtlMs',
    env: 'HOOKLINE_PORTAL_LINK_TTL_MS',
    parse: int(10_000, DAY),
    expects: 'an integer of ms from 10000 to 1 day',
  },
  {
    key: 'portalSessionTtlMs',
    env: 'HOOKLINE_PORTAL_SESSION_TTL_MS',
    parse: int(MINUTE, 90 * DAY),
    expects: 'an integer of ms from 60000 to 90 days',
  },
  {
    key: 'portalFrameAncestors',
    env: 'HOOKLINE_PORTAL_FRAME_ANCESTORS',
    parse: parseFrameAncestors,
    expects: "CSP sources separated by spaces, e.g. 'self' https://app.example.com ('none' alone)",
  },
  {
    key: 'metricsToken',
    env: 'HOOKLINE_METRICS_TOKEN',
    parse: (raw) => (raw.length >= 16 ? raw : undefined),
    expects: 'at least 16 characters',
    secret: true,
  },
  {
    key: 'metricsPort',
    env: 'HOOKLINE_METRICS_PORT',
    parse: int(0, 65535),
    expects: 'an integer from 0 to 65535',
  },
  {
    key: 'metricsHost',
    env: 'HOOKLINE_METRICS_HOST',
    parse: text,
    expects: 'a host name or address',
  },
  {
    key: 'metricsEndpointSeries',
    env: 'HOOKLINE_METRICS_ENDPOINT_SERIES',
    parse: int(0, 1000),
    expects: 'an integer from 0 to 1000',
  },
  {
    key: 'otlpTracesUrl',
    env: 'HOOKLINE_OTLP_TRACES_URL',
    parse: httpUrl,
    expects: 'an http(s) URL, e.g. http://127.0.0.1:4318/v1/traces',
  },
  {
    key: 'traceSampleRatio',
    env: 'HOOKLINE_TRACE_SAMPLE_RATIO',
    parse: ratio,
    expects: 'a number from 0 to 1',
  },
  {
    key: 'disableAfterMs',
    env: 'HOOKLINE_DISABLE_AFTER',
    parse: durationOrOff(MINUTE),
    expects: 'a duration with its unit, at least 1 minute (e.g. 5d, 36h, 90m), or off',
  },
  {
    key: 'failingAfter',
    env: 'HOOKLINE_FAILING_AFTER',
    parse: int(1, 10_000),
    expects: 'an integer of consecutive failed attempts from 1 to 10000',
  },
  {
    key: 'encryptionKey',
    env: 'HOOKLINE_ENCRYPTION_KEY',
    parse: key,
    expects: KEY_FORMAT,
    secret: true,
  },
  {
    key: 'encryptionPreviousKeys',
    env: 'HOOKLINE_ENCRYPTION_PREVIOUS_KEYS',
    parse: keyList,
    expects: `comma-separated keys, each ${KEY_FORMAT}`,
    secret: true,
  },
  {
    key: 'retentionDays',
    env: 'HOOKLINE_RETENTION_DAYS',
    parse: int(0, 36_500),
    expects: 'an integer of days from 0 (keep everything) to 36500',
  },
  {
    key: 'payloadRetentionDays',
    env: 'HOOKLINE_PAYLOAD_RETENTION_DAYS',
    parse: int(1, 36_500),
    expects: 'an integer of days from 1 to 36500',
  },
];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Defaults, then environment variables, then explicit values (CLI flags), each checked: a bad value
 * is refused with the option, where it came from, and what is expected.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Record<keyof Config, string | number | boolean>> = {},
): Config {
  const config: Config = { ...DEFAULT_CONFIG };
  const problems: string[] = [];
  for (const spec of OPTIONS) {
    const fromFlag = overrides[spec.key];
    const raw = fromFlag !== undefined ? String(fromFlag) : env[spec.env];
    // An empty environment variable counts as unset, as shells and compose files produce them.
    if (raw === undefined || (fromFlag === undefined && raw === '')) continue;
    const value = spec.parse(raw);
    if (value === undefined || (typeof value === 'number' && Number.isNaN(value))) {
      const source = fromFlag !== undefined ? `--${flagName(spec.key)}` : spec.env;
      const shown = spec.secret ? '(value hidden)' : `"${raw}"`;
      problems.push(`${source}: ${shown} is not valid; expected ${spec.expects}`);
      continue;
    }
    (config as unknown as Record<string, unknown>)[spec.key] = value;
  }
  if (problems.length > 0)
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  config.dataDir = resolve(config.dataDir);
  return config;
}

/** The `hookline serve` flag for an option (most are the option name in kebab case). */
export function flagName(key: keyof Config): string {
  return key === 'databaseUrl' ? 'database' : kebab(key);
}

export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export function publicUrlOf(config: Config): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}
