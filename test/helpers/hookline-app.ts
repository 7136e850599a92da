import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/app/config.js';
import { createApp, type AppDeps, type HooklineApp } from '../../src/app/create-app.js';
import type { Dispatcher } from '../../src/delivery/dispatcher.js';
import { FakeClock } from '../../src/lib/clock.js';
import { eventMonitor, type AwaitNext } from './engine-events.js';
import { TEST_KEY_TEXT } from './encryption.js';
import { TEST_EGRESS } from './loopback-egress.js';

/** Parsed JSON from the API, loosely typed on purpose: tests read fields by name and assert on them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** Jitter factor exactly 1 (0.9 + 0.2 * 0.5): retries land exactly on the policy's waits. */
export const noJitter = () => 0.5;

export interface TestHookline {
  app: HooklineApp;
  clock: FakeClock;
  dataDir: string;
  dispatcher: Dispatcher;
  /** Resolves on the dispatcher's next matching event (see helpers/engine-events.ts). */
  awaitNext: AwaitNext;
  /** Calls the API in process; `token` defaults to the admin token. */
  api<T = Json>(
    method: string,
    url: string,
    body?: unknown,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export interface ApiResponse<T = Json> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface StartOptions extends Partial<Omit<AppDeps, 'config' | 'clock'>> {
  /** Reuse a data folder (restart); a fresh temp folder otherwise, removed by removeDataDir(). */
  dataDir?: string;
  clock?: FakeClock;
  config?: Partial<Record<keyof Config, string | number | boolean>>;
}

const made = new Set<string>();

export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-it-'));
  made.add(dir);
  return dir;
}

export function removeDataDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}

/** createApp on a temp SQLite data folder with a fake clock and the dispatcher driven by the test. */
export async function startHookline(options: StartOptions = {}): Promise<TestHookline> {
  const dataDir = options.dataDir ?? tempDataDir();
  const clock = options.clock ?? new FakeClock(Date.now());
  const config = loadConfig(
    {},
    // Receivers listen on 127.0.0.1: the tests opt in to loopback, as `npm start` does.
    {
      dataDir,
      adminToken: ADMIN_TOKEN,
      logLevel: 'silent',
      egress: TEST_EGRESS,
      // The test drives the dispatcher in this thread (fake clock, drainDue, engine events).
      deliveryThread: false,
      // Apps on one PostgreSQL database are its nodes: they share a key, as HOOKLINE_ENCRYPTION_KEY
      // does in production (each has its own temp data folder, so key files would differ).
      ...(options.config?.databaseUrl !== undefined ? { encryptionKey: TEST_KEY_TEXT } : {}),
      ...options.config,
    },
  );
  const { dataDir: _d, clock: _c, config: _o, ...deps } = options;
  const app = await createApp({
    autoStartDispatcher: false,
    autoStartRetention: false,
    random: noJitter,
    ...deps,
    config,
    clock,
  });
  if (!app.dispatcher) throw new Error('test apps run the dispatcher');
  const dispatcher = app.dispatcher;
  return {
    app,
    clock,
    dataDir,
    dispatcher,
    awaitNext: eventMonitor(app.events).awaitNext,
    async api(method, url, body, opts = {}) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${opts.token ?? ADMIN_TOKEN}`,
      };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await app.server.inject({
        method: method as 'GET',
        url,
        headers: { ...headers, ...opts.headers },
        payload:
          body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = response.body;
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.statusCode, body: parsed as never, headers: response.headers };
    },
    close: () => app.close(),
  };
}

export interface TenantSetup {
  appId: string;
  apiKey: string;
  endpointId: string;
  secret: string;
}

/** Creates an app (admin) and one endpoint on it; fails loudly when the API refuses. */
export async function createTenant(
  h: TestHookline,
  endpoint: Record<string, unknown>,
  name = 'Acme',
): Promise<TenantSetup> {
  const app = await h.api('POST', '/api/v1/apps', { name });
  if (app.status !== 201) throw new Error(`create app: ${app.status} ${JSON.stringify(app.body)}`);
  const ep = await h.api('POST', `/api/v1/apps/${app.body.id}/endpoints`, endpoint);
  if (ep.status !== 201)
    throw new Error(`create endpoint: ${ep.status} ${JSON.stringify(ep.body)}`);
  return {
    appId: app.body.id,
    apiKey: app.body.apiKey,
    endpointId: ep.body.id,
    secret: ep.body.secret,
  };
}

/** Sends a message through the API; returns its id. */
export async function sendMessage(
  h: TestHookline,
  appId: string,
  payload: Record<string, unknown>,
  eventType = 'message.delivered',
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await h.api('POST', `/api/v1/apps/${appId}/messages`, {
    eventType,
    payload,
    ...extra,
  });
  if (res.status !== 202) throw new Error(`send: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}
