// A webhook receiver run as its own process by the multi-process test. It answers every POST with
// 200 after DELAY_MS and records [path, webhook-id, seq] in arrival order; GET /_count and
// GET /_log read the record. Prints "listening on <port>" once ready.
import { createServer } from 'node:http';

const delayMs = Number(process.env.DELAY_MS ?? '0');
const log = [];

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/_count') return res.end(String(log.length));
  if (req.method === 'GET' && req.url === '/_log') return res.end(JSON.stringify(log));
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const seq = /"seq":(\d+)/.exec(body);
    log.push([req.url.slice(1), req.headers['webhook-id'] ?? null, seq ? Number(seq[1]) : null]);
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    }, delayMs);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
