import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in OTLP collector on 127.0.0.1: reads each request, answers 200, counts the bytes. */
export async function startSink(): Promise<{
  url: string;
  bytes: () => number;
  close: () => Promise<void>;
}> {
  let bytes = 0;
  const server = createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytes: () => bytes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
