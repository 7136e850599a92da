import { join } from 'node:path';
import { makePayload } from '../lib/payload.js';
import { resolveEncryptionKeys } from '../../src/app/encryption-key.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { EVENT_TYPE, type Seeded } from './seed.js';

const DAY = 86_400_000;
const CHUNK = 5_000;

/**
 * Settled history past retention written straight into the file (untimed): `count` messages 40
 * days old, each with one succeeded delivery and one attempt, as the engine leaves them.
 */
export function seedHistory(
  dataDir: string,
  seeded: Seeded,
  count: number,
  payloadBytes: number,
): void {
  const store = new SqliteStore({
    file: join(dataDir, 'hookline.db'),
    sync: 'normal',
    encryption: resolveEncryptionKeys({ dataDir, encryptionKey: null, encryptionPreviousKeys: [] })
      .keys,
  });
  const db = store.db;
  const endpointId = seeded.endpointIds[0]!;
  const message = db.prepare(`INSERT INTO messages (id, app_id, event_type, payload, endpoint_id,
    created_at) VALUES (?, ?, ?, ?, NULL, ?)`);
  const delivery = db.prepare(`INSERT INTO deliveries (app_id, message_id, endpoint_id, state,
    attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, 'succeeded', 1, NULL, ?, ?)`);
  const attempt = db.prepare(`INSERT INTO attempts (app_id, delivery_id, message_id, endpoint_id,
    at, duration_ms, status_code, response_headers, response_body, test, request_headers)
    VALUES (?, ?, ?, ?, ?, 3, 200, '{}', 'ok', 0, '{}')`);
  const base = Date.now() - 40 * DAY;
  for (let start = 0; start < count; start += CHUNK) {
    db.transaction(() => {
      for (let i = start; i < Math.min(count, start + CHUNK); i++) {
        const id = `msg_old${String(i).padStart(9, '0')}`;
        const at = base + i;
        message.run(id, seeded.appId, EVENT_TYPE, makePayload(payloadBytes, i), at);
        const d = delivery.run(seeded.appId, id, endpointId, at, at).lastInsertRowid;
        attempt.run(seeded.appId, d, id, endpointId, at);
      }
    })();
  }
  db.close();
}
