import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'undici';
import { BIN, ROOT } from './built-dist.js';
import type { Json } from './hookline-app.js';
import { TEST_EGRESS } from './loopback-egress.js';

export interface ServeProcess {
  child: ChildProcess;
  /** Base URL the server listens on, once it printed it. */
  url: Promise<string>;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Calls the API with the admin token; returns status and parsed body. */
  api<T = Json>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
}

/**
 * `node bin/hookline.js serve` as a real child process on 127.0.0.1 and a free port, with the
 * given admin token; HOOKLINE_* variables of the test environment are not passed on.
 */
export function startServe(dataDir: string, adminToken: string): ServeProcess {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('HOOKLINE_')) env[k] = v;
  env.HOOKLINE_ADMIN_TOKEN = adminToken;
  env.HOOKLINE_EGRESS = TEST_EGRESS; // receivers listen on 127.0.0.1
  const child = spawn(
    process.execPath,
    [
      BIN,
      '--data-dir',
      dataDir,
      'serve',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--log-level',
      'warn',
    ],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const url = new Promise<string>((resolve, reject) => {
    const take = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output.push(text);
      const match = /Hookline \w+ on (http:\/\/[^\s]+)/.exec(output.join(''));
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    void exited.then(({ code, signal }) =>
      reject(
        new Error(
          `hookline serve exited (${code ?? signal}) before listening:\n${output.join('')}`,
        ),
      ),
    );
  });
  return {
    child,
    url,
    output,
    exited,
    async api(method, path, body) {
      const res = await request(`${await url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${adminToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.body.text();
      return { status: res.statusCode, body: text ? JSON.parse(text) : null };
    },
  };
}
