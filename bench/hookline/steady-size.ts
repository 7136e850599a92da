import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { Retention } from '../../src/delivery/retention.js';
import { newEndpoint } from '../../src/domain/new-endpoint.js';
import { FakeClock } from '../../src/lib/clock.js';
import { newId } from '../../src/lib/ids.js';
import { resolveEncryptionKeys } from '../../src/app/encryption-key.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { fmt, size } from '../lib/format.js';
import { makePayload } from '../lib/payload.js';
import { failed, type ScenarioResult } from '../lib/results.js';
import { epochNow } from '../lib/timing.js';
import type { Plan } from '../plan.js';
import { withDataDir } from './context.js';

const DAY = 86_400_000;
/** Traffic comes in quarter days; what a day holds is kept (four quarters), then purged. */
const STEP_MS = DAY / 4;

/**
 * Steady traffic for many simulated quarter days with HOOKLINE_RETENTION_DAYS=1, in process on a
 * real SQLite file (a fake clock moves the time): each quarter's messages are accepted, delivered
 * and committed through the Store, then a retention pass runs. The file's size before each pass
 * (its largest) shows whether it stops growing once the first day has passed out of retention.
 */
export async function measureSteadySize(plan: Plan): Promise<ScenarioResult> {
  const { cycles, perCycle } = plan.retention;
  const base = {
    id: 'retention-steady-size',
    group: 'retention' as const,
    label: 'Database size under steady traffic, retention 1 day',
    setup: `${cycles} simulated quarter days of ${fmt(perCycle)} messages each (${size(plan.payloadBytes)}, 1 endpoint, delivered), a retention pass after each; SQLite in process`,
  };
  try {
    return await withDataDir(async (dir) => {
      const file = join(dir, 'hookline.db');
      const store = new SqliteStore({
        file,
        sync: 'normal',
        encryption: resolveEncryptionKeys({
          dataDir: dir,
          encryptionKey: null,
          encryptionPreviousKeys: [],
        }).keys,
      });
      await store.migrate();
      const clock = new FakeClock(Date.UTC(2026, 0, 1));
      const retention = new Retention(store, clock, pino({ level: 'silent' }), {
        retentionDays: 1,
        payloadRetentionDays: null,
        pauseMs: 0,
      });
      const appId = newId('app');
      const now = clock.now();
      await store.createApp({
        id: appId,
        name: 'bench',
        uid: null,
        metadata: {},
        apiKeyHash: 'bench',
        viberAuthToken: null,
        instanceSettings: {},
        createdAt: now,
        updatedAt: now,
      });
      await store.createEndpoint(
        newEndpoint({ appId, url: 'http://127.0.0.1:9/hook', maxConcurrency: 10 }, now).endpoint,
      );
      const sizes: number[] = [];
      const passMs: number[] = [];
      for (let day = 0; day < cycles; day++) {
        for (let i = 0; i < perCycle; i++) {
          await store.insertMessage(
            {
              id: newId('msg', clock.now()),
              appId,
              eventType: 'message.delivered',
              payload: makePayload(plan.payloadBytes, i),
              idempotencyKey: null,
              endpointId: null,
              orderingKey: null,
              createdAt: clock.now() + i,
            },
            DAY,
          );
        }
        for (;;) {
          const claimed = await store.claimDue({
            now: clock.now() + DAY / 2,
            limit: 1000,
            leaseMs: 60_000,
          });
          if (claimed.length === 0) break;
          await store.recordAttempts(
            claimed.map((c) => ({
              deliveryId: c.delivery.id,
              endpointId: c.delivery.endpointId,
              leaseToken: c.leaseToken,
              outcome: 'succeeded' as const,
              nextAttemptAt: null,
              attempt: {
                appId,
                deliveryId: c.delivery.id,
                messageId: c.message.id,
                endpointId: c.delivery.endpointId,
                at: clock.now() + STEP_MS / 2,
                durationMs: 3,
                statusCode: 200,
                responseHeaders: {},
                requestHeaders: {},
                responseBody: 'ok',
                errorKind: null,
                errorMessage: null,
                test: false,
              },
            })),
            clock.now() + STEP_MS / 2,
          );
        }
        store.db.pragma('wal_checkpoint(TRUNCATE)');
        sizes.push(statSync(file).size);
        clock.advance(STEP_MS);
        const t0 = epochNow();
        await retention.runPass();
        passMs.push(epochNow() - t0);
      }
      await store.close();
      const mib = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
      // The first four quarters fill a day; from then on each pass frees about what the next fills.
      const warm = Math.max(...sizes.slice(4, 8));
      const later = Math.max(...sizes.slice(8));
      return {
        ...base,
        status: 'ok',
        extra: {
          sizesMib: sizes.map(mib).join(', '),
          warmMib: mib(warm),
          laterMaxMib: mib(later),
          laterToWarm: Math.round((later / warm) * 100) / 100,
          passMsMedian: passMs.sort((a, b) => a - b)[Math.floor(passMs.length / 2)]!,
        },
      };
    });
  } catch (error) {
    return failed(base, error);
  }
}
