import { request } from 'undici';
import { freePort } from '../../helpers/free-port.js';
import { startHookline, type StartOptions, type TestHookline } from '../../helpers/hookline-app.js';

export interface InspectorTest extends TestHookline {
  /** http://127.0.0.1:<port>, also the public URL bins are given. */
  baseUrl: string;
}

/** A real Hookline listening on 127.0.0.1 (bins are captured over real HTTP), fake clock, SQLite. */
export async function startInspectorHookline(options: StartOptions = {}): Promise<InspectorTest> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const h = await startHookline({
    ...options,
    config: { host: '127.0.0.1', port, publicUrl: baseUrl, ...options.config },
  });
  await h.app.listen();
  return Object.assign(h, { baseUrl });
}

/** Creates an app (admin); returns its id and API key. */
export async function createAppWithKey(
  h: TestHookline,
  name = 'Acme',
): Promise<{ appId: string; apiKey: string }> {
  const res = await h.api('POST', '/api/v1/apps', { name });
  if (res.status !== 201) throw new Error(`create app: ${res.status} ${JSON.stringify(res.body)}`);
  return { appId: res.body.id, apiKey: res.body.apiKey };
}

/** Creates a bin through the API; fails loudly when refused. */
export async function createBin(
  h: TestHookline,
  body: Record<string, unknown> = {},
  token?: string,
): Promise<{ id: string; url: string }> {
  const res = await h.api('POST', '/api/v1/bins', body, token ? { token } : {});
  if (res.status !== 201) throw new Error(`create bin: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Sends one request over real HTTP; headers may be a flat [name, value, ...] list (repeats kept). */
export async function send(
  url: string,
  method: string,
  options: { headers?: string[] | Record<string, string>; body?: Buffer | string } = {},
): Promise<RawResponse> {
  const res = await request(url, {
    method: method as 'GET',
    headers: options.headers,
    body: options.body,
  });
  const body = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers, body };
}
