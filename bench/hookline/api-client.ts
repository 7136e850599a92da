import { Pool } from 'undici';

export interface EndpointSpec {
  url: string;
  maxConcurrency?: number;
  retryPolicy?: { preset: string; waitsMs?: number[] };
  timeoutMs?: number;
}

/** The few Hookline API calls the benchmark makes, over one keep-alive pool. */
export class HooklineApi {
  private readonly pool: Pool;

  constructor(
    readonly baseUrl: string,
    private readonly adminToken: string,
    connections = 8,
  ) {
    this.pool = new Pool(baseUrl, { connections, pipelining: 1 });
  }

  private async call<T>(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    token: string,
    body?: unknown,
  ): Promise<T> {
    const res = await this.pool.request({
      method,
      path: `/api/v1${path}`,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    if (res.statusCode >= 300)
      throw new Error(`${method} ${path}: HTTP ${res.statusCode} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  createApp(name: string): Promise<{ id: string; apiKey: string }> {
    return this.call('POST', '/apps', this.adminToken, { name });
  }

  createEndpoint(appId: string, spec: EndpointSpec): Promise<{ id: string }> {
    return this.call('POST', `/apps/${appId}/endpoints`, this.adminToken, spec);
  }

  updateEndpoint(
    appId: string,
    endpointId: string,
    patch: { disabled?: boolean; sendHeld?: boolean },
  ): Promise<{ id: string; heldSent?: { done: boolean } }> {
    return this.call('PATCH', `/apps/${appId}/endpoints/${endpointId}`, this.adminToken, patch);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
