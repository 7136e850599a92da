import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { HooklineMetrics } from './metrics.js';

/**
 * GET /metrics on a port of its own (HOOKLINE_METRICS_PORT), apart from the API: Prometheus
 * reaches it on an internal interface without holding an API token.
 */
export class MetricsServer {
  private server: Server | null = null;

  constructor(
    private readonly metrics: HooklineMetrics,
    private readonly allowed: (authorization?: string) => boolean,
    private readonly logger: Logger,
  ) {}

  /** Listens; resolves with the base URL. */
  async listen(host: string, port: number): Promise<string> {
    const server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0];
      if (path !== '/metrics') return answer(404, 'not found: only GET /metrics is served here');
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return answer(405, 'method not allowed: GET /metrics');
      if (!this.allowed(request.headers.authorization))
        return answer(401, 'GET /metrics needs Authorization: Bearer <metrics token>');
      this.metrics.text().then(
        (text) => {
          response.writeHead(200, { 'content-type': this.metrics.contentType });
          response.end(request.method === 'HEAD' ? undefined : text);
        },
        (error: unknown) => {
          this.logger.error({ err: error }, 'collecting metrics failed');
          answer(500, 'collecting metrics failed');
        },
      );

      function answer(status: number, text: string) {
        response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`${text}\n`);
      }
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${shownHost}:${address.port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
