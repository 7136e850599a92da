import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { closedPort } from '../../helpers/free-port.js';

/** One request as a receiver saw it. */
export interface Received {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (request: Received, response: ServerResponse) => void;

/** ChatBot's receiver behaviour: GET echoes the challenge, POST answers with a text response. */
export const chatbotReceiver: Handler = (request, response) => {
  if (request.method === 'GET') {
    response
      .writeHead(200, { 'content-type': 'text/plain' })
      .end(request.url.searchParams.get('challenge') ?? '');
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' }).end(
    JSON.stringify({
      responses: [{ type: 'text', message: 'Have a great day!' }],
      attributes: { foo: 'bar' },
    }),
  );
};

/** A real HTTP receiver on 127.0.0.1 whose behaviour each test sets. */
export class Receiver {
  readonly requests: Received[] = [];
  handler: Handler = chatbotReceiver;
  private server: Server | null = null;
  private port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const received = {
          method: req.method ?? '',
          url: new URL(req.url ?? '/', `http://${req.headers.host}`),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.requests.push(received);
        this.handler(received, res);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  url(path = '/bot'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  posts(): Received[] {
    return this.requests.filter((r) => r.method === 'POST');
  }

  gets(): Received[] {
    return this.requests.filter((r) => r.method === 'GET');
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = null;
  }
}

/** A loopback URL nothing listens on (a port that was just released). */
export async function deadUrl(): Promise<string> {
  return `http://127.0.0.1:${await closedPort()}/bot`;
}

/**
 * A Receiver started before the file's tests and closed after them; every test starts with no
 * requests recorded and ChatBot's receiver behaviour.
 */
export function useBotReceiver(): Receiver {
  const receiver = new Receiver();
  beforeAll(async () => {
    await receiver.start();
  });
  afterEach(() => {
    receiver.handler = chatbotReceiver;
    receiver.requests.length = 0;
  });
  afterAll(async () => {
    await receiver.close();
  });
  return receiver;
}
