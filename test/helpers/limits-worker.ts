import { parentPort, resourceLimits } from 'node:worker_threads';

// Started by src/lib/start-worker.test.ts: tells the test the limits its isolate runs with.
parentPort!.postMessage(resourceLimits);
