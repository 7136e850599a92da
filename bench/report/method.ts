/** How each figure is measured; printed under the tables of docs/benchmarks.md. */
export const METHOD: string[] = [
  '- Everything runs on 127.0.0.1. The receiver (`bench/receiver.ts`) is a keep-alive `node:http` server in its own process; it answers `200 ok`, or `500` for an evenly spread share of requests when a scenario asks for failures.',
  '- **Raw ceiling** (`bench/raw-ceiling.ts`): undici `Pool` POSTs of the same body and header set straight to the receiver at the same concurrency, nothing stored, in a child process. Connections are opened before the clock starts.',
  '- **BullMQ baseline** (`bench/bullmq-baseline.ts`): one job per delivery on a fresh queue (enqueued before the clock starts, removed afterwards), one worker process with the same concurrency rendering and signing the same Standard Webhooks request and POSTing it with undici; failures retry with the same attempts and exponential backoff as Hookline\'s custom policy. A delivery counts when BullMQ reports the job completed (committed in Redis). Skipped, with the reason, when Redis does not answer.',
];
