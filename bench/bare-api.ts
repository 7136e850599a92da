/**
 * The barest API a producer could post to, as a child process of harness-cost.ts: node:http,
 * `JSON.parse` of the body, a 202 with an id. What it spends per message is what any Node.js API on
 * node:http spends at least.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

/** The bare API a producer could post to: parse the JSON, answer 202 with an id. */
function serveBareApi(): void {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { eventType?: string };
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `msg_${randomUUID()}`, eventType: body.eventType }));
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address && typeof address === 'object') process.send!({ port: address.port });
  });
  process.on('disconnect', () => process.exit(0));
}

/** The bare API as a child, with no inherited node flags (a --cpu-prof would cost); its port. */
export function startBareApi(): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(import.meta.url), ['--bare-api'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  return new Promise((resolve, reject) => {
    const failed = (why: unknown) => {
      child.off('message', ready);
      reject(
        why instanceof Error ? why : new Error(`the bare API exited before listening (${why})`),
      );
    };
    const ready = (m: { port: number }) => {
      child.off('error', failed).off('exit', failed);
      resolve({ child, port: m.port });
    };
    child.once('error', failed).once('exit', failed).once('message', ready);
  });
}

if (process.argv.includes('--bare-api')) serveBareApi();
