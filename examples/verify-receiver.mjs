// A receiver that verifies Hookline's Standard Webhooks signature with the independent
// `standardwebhooks` library. Usage: WEBHOOK_SECRET=whsec_... node examples/verify-receiver.mjs [port]
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const secret = process.env.WEBHOOK_SECRET;
if (!secret) {
  console.error('set WEBHOOK_SECRET to the endpoint secret (whsec_...)');
  process.exit(2);
}
const webhook = new Webhook(secret);
const port = Number(process.argv[2] ?? 3000);

createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      const event = webhook.verify(body, req.headers);
      console.log(`verified ${req.headers['webhook-id']}: ${event.type}`);
      res.writeHead(204).end();
    } catch (error) {
      console.log(`REJECTED ${req.headers['webhook-id']}: ${error.message}`);
      res.writeHead(400).end();
    }
  });
}).listen(port, '127.0.0.1', () =>
  console.log(`verifying receiver on http://127.0.0.1:${port}/webhooks`),
);
