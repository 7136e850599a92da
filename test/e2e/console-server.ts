import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/app/config.js';
import { createApp, type HooklineApp } from '../../src/app/create-app.js';
import type { Clock } from '../../src/lib/clock.js';
import { TEST_EGRESS } from '../helpers/loopback-egress.js';
import { freePort } from '../helpers/free-port.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';
export const ARTIFACTS = join(ROOT, 'test-results', 'console');

/** Builds web/dist if its sources changed (one build at a time across test files). */
export function buildConsole(): void {
  execFileSync(
    'flock',
    ['/tmp/hookline-web-build.lock', process.execPath, 'scripts/build.mjs', '--only', 'console'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  mkdirSync(ARTIFACTS, { recursive: true });
}

export interface ConsoleServer {
  app: HooklineApp;
  url: string;
  /** Calls the API as the admin (or with `token`); returns status and parsed body. */
  api(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

/**
 * A real `hookline serve`, in process: embedded SQLite in a temp folder, the real clock (or
 * `clock`), the dispatcher running, listening on a free loopback port that bin URLs name.
 */
export async function startConsoleServer(
  overrides: Record<string, string | number | boolean> = {},
  clock?: Clock,
): Promise<ConsoleServer> {
  buildConsole();
  const dataDir = mkdtempSync(join(tmpdir(), 'hookline-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig(
    {},
    {
      dataDir,
      adminToken: ADMIN_TOKEN,
      host: '127.0.0.1',
      port,
      publicUrl: url,
      logLevel: 'silent',
      egress: TEST_EGRESS, // receivers listen on 127.0.0.1
      ...overrides,
    },
  );
  const app = await createApp({ config, clock });
  await app.listen();
  return {
    app,
    url,
    async api(method, path, body, token = ADMIN_TOKEN) {
      const response = await fetch(url + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
