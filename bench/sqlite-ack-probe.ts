/**
 * `node dist/bench/sqlite-ack-probe.js [rate] [seconds] [rounds]` — the SQLite ack path alone:
 * `insertMessage` latency (scheduled issue → committed, synchronous=FULL, real file) at a fixed
 * offered rate, checkpoints inside the commit (`auto`) against on their own thread (`background`),
 * alternating, in process: no HTTP, no delivery. Prints one line per run with the load average.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveEncryptionKeys } from '../src/app/encryption-key.js';
import { newId } from '../src/lib/ids.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { EVENT_TYPE, seedSqlite } from './hookline/seed.js';
import { makePayload } from './lib/payload.js';
import { summarize } from './lib/percentiles.js';
import { sleep } from './lib/timing.js';

async function probe(checkpoints: 'auto' | 'background', rate: number, seconds: number) {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-ack-probe-'));
  try {
    const seeded = await seedSqlite({
      dataDir: dir,
      receiverUrl: 'http://127.0.0.1:9/',
      endpoints: 1,
      messages: 0,
      payloadBytes: 1024,
      maxConcurrency: 64,
      retryPolicy: { preset: 'standard' },
    });
    const store = new SqliteStore({
      file: join(dir, 'hookline.db'),
      sync: 'full',
      checkpoints,
      encryption: resolveEncryptionKeys({
        dataDir: dir,
        encryptionKey: null,
        encryptionPreviousKeys: [],
      }).keys,
    });
    await store.migrate();
    const payload = makePayload(1024, 1);
    const samples: number[] = [];
    const pending: Array<Promise<unknown>> = [];
    const start = performance.now();
    let sent = 0;
    while (performance.now() - start < seconds * 1000) {
      const due = Math.floor(((performance.now() - start) / 1000) * rate);
      for (; sent < due; sent++) {
        // Latency from the scheduled time: a stalled loop still counts its wait.
        const scheduled = start + (sent / rate) * 1000;
        const now = Date.now();
        const message = {
          id: newId('msg', now),
          appId: seeded.appId,
          eventType: EVENT_TYPE,
          payload,
          idempotencyKey: null,
          orderingKey: null,
          endpointId: null,
          createdAt: now,
        };
        pending.push(
          store.insertMessage(message, 0).then(() => samples.push(performance.now() - scheduled)),
        );
      }
      await sleep(1);
    }
    await Promise.all(pending);
    await store.close();
    return summarize(samples);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [rate = 2000, seconds = 8, rounds = 2] = process.argv.slice(2).map(Number);
for (let round = 0; round < rounds; round++) {
  for (const mode of ['auto', 'background'] as const) {
    const load = loadavg()[0]!.toFixed(1);
    const s = await probe(mode, rate, seconds);
    console.log(
      `${mode.padEnd(10)} ${rate}/s ${seconds} s: p50 ${s.p50} ms p99 ${s.p99} ms max ${s.max} ms (n ${s.count}; load ${load} → ${loadavg()[0]!.toFixed(1)})`,
    );
  }
}
