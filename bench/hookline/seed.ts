import { join } from 'node:path';
import { newEndpoint } from '../../src/domain/new-endpoint.js';
import type { PayloadFilter } from '../../src/domain/payload-filter.js';
import type { Ordering, RetryPolicy } from '../../src/domain/types.js';
import { sha256Hex } from '../../src/lib/hash.js';
import { newId, newToken } from '../../src/lib/ids.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { makePayload } from '../lib/payload.js';
import { epochNow } from '../lib/timing.js';
import { resolveEncryptionKeys } from '../../src/app/encryption-key.js';

export interface SeedSpec {
  dataDir: string;
  /** Receiver base URL; endpoint e gets `${url}ep/${e}`. */
  receiverUrl: string;
  endpoints: number;
  /** Messages to leave waiting (each fans out to every endpoint). */
  messages: number;
  payloadBytes: number;
  maxConcurrency: number;
  retryPolicy: RetryPolicy;
  /** Every endpoint's ordering (parallel when not given). */
  ordering?: Ordering;
  /** Per-key runs: message i carries the ordering key `conv-(i mod orderingKeys)`. */
  orderingKeys?: number;
  /** Every endpoint's payload filter (none when not given). */
  filter?: PayloadFilter | null;
}

export interface Seeded {
  appId: string;
  apiKey: string;
  endpointIds: string[];
  deliveries: number;
  seedSeconds: number;
}

export const EVENT_TYPE = 'message.delivered';
const CHUNK = 2_000;

/**
 * Writes the app, its endpoints and the message backlog straight into the SQLite file through the
 * Store interface, before Hookline starts on that folder: seeding a million messages over HTTP
 * would take longer than draining them. Untimed; the same rows the API would write.
 */
export async function seedSqlite(spec: SeedSpec): Promise<Seeded> {
  const started = epochNow();
  const store = new SqliteStore({
    file: join(spec.dataDir, 'hookline.db'),
    sync: 'normal',
    // The server started on this folder afterwards reads the same key file.
    encryption: resolveEncryptionKeys({
      dataDir: spec.dataDir,
      encryptionKey: null,
      encryptionPreviousKeys: [],
    }).keys,
  });
  try {
    await store.migrate();
    const now = Date.now();
    const apiKey = newToken('hk');
    const appId = newId('app', now);
    await store.createApp({
      id: appId,
      name: 'bench',
      metadata: {},
      uid: null,
      apiKeyHash: sha256Hex(apiKey),
      viberAuthToken: null,
      instanceSettings: {},
      createdAt: now,
      updatedAt: now,
    });
    const endpointIds: string[] = [];
    for (let e = 0; e < spec.endpoints; e++) {
      const { endpoint } = newEndpoint(
        {
          appId,
          url: `${spec.receiverUrl}ep/${e}`,
          maxConcurrency: spec.maxConcurrency,
          retryPolicy: spec.retryPolicy,
          ordering: spec.ordering ?? 'parallel',
          filter: spec.filter ?? null,
        },
        now,
      );
      await store.createEndpoint(endpoint);
      endpointIds.push(endpoint.id);
    }
    let deliveries = 0;
    for (let m = 0; m < spec.messages; m += CHUNK) {
      const batch: Array<Promise<{ deliveries: number }>> = [];
      for (let i = m; i < Math.min(spec.messages, m + CHUNK); i++) {
        const createdAt = Date.now();
        batch.push(
          store.insertMessage(
            {
              id: newId('msg', createdAt),
              appId,
              eventType: EVENT_TYPE,
              payload: makePayload(spec.payloadBytes, i),
              idempotencyKey: null,
              orderingKey: spec.orderingKeys ? `conv-${i % spec.orderingKeys}` : null,
              endpointId: null,
              createdAt,
            },
            0,
          ),
        );
      }
      for (const result of await Promise.all(batch)) deliveries += result.deliveries;
    }
    return { appId, apiKey, endpointIds, deliveries, seedSeconds: (epochNow() - started) / 1000 };
  } finally {
    await store.close();
  }
}
