import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the receiver saw it, body as raw text. */
export interface Captured {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP receiver on 127.0.0.1; `respond` decides each answer (200 by default). */
export class CaptureReceiver {
  readonly requests: Captured[] = [];
  respond: (request: Captured, response: ServerResponse) => void = (_r, res) =>
    res.writeHead(200).end('ok');
  private server: Server | null = null;
  private readonly open = new Set<ServerResponse>();

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const captured = {
          method: req.method ?? '',
          url: new URL(req.url ?? '/', `http://${req.headers.host}`),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.requests.push(captured);
        this.open.add(res);
        res.on('close', () => this.open.delete(res));
        this.respond(captured, res);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}${path}`;
  }

  async stop(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
