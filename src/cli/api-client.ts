import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { request } from 'undici';

export interface ClientOptions {
  url: string;
  token: string | null;
  dataDir: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    const b = body as { code?: string; message?: string } | null;
    super(
      b && typeof b === 'object' && b.message
        ? `${b.code ?? 'error'}: ${b.message}`
        : `HTTP ${status}`,
    );
  }
}

/** The token the CLI sends: --token, HOOKLINE_TOKEN, HOOKLINE_ADMIN_TOKEN, or the data folder's admin-token. */
export function resolveToken(options: ClientOptions): string | null {
  if (options.token) return options.token;
  const env = process.env.HOOKLINE_TOKEN ?? process.env.HOOKLINE_ADMIN_TOKEN;
  if (env) return env;
  const file = join(resolve(options.dataDir), 'admin-token');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

/** A small JSON client for the management API, used by the CLI's convenience commands. */
export class ApiClient {
  private readonly token: string | null;
  constructor(private readonly options: ClientOptions) {
    this.token = resolveToken(options);
  }

  async call<T = unknown>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response;
    try {
      response = await request(new URL(path, this.options.url), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new Error(`cannot reach Hookline at ${this.options.url}: ${(error as Error).message}`);
    }
    const text = await response.body.text();
    const parsed = text ? JSON.parse(text) : null;
    if (response.statusCode >= 400) throw new ApiError(response.statusCode, parsed);
    return parsed as T;
  }
}
