import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { buildServer, type HooklineServer } from '../../../src/api/server.js';
import { botRoutes } from '../../../src/api/routes/bots.js';
import { ApiKeys } from '../../../src/api/api-keys.js';
import type { ApiContext } from '../../../src/api/context.js';
import { DEFAULT_CONFIG } from '../../../src/app/config.js';
import { BotService, type BotServiceOptions } from '../../../src/bots/bot-service.js';
import { Inspector } from '../../../src/inspector/inspector.js';
import { HttpSender } from '../../../src/delivery/http-sender.js';
import { FakeClock } from '../../../src/lib/clock.js';
import { sha256Hex } from '../../../src/lib/hash.js';
import { newId, newToken } from '../../../src/lib/ids.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { LOOPBACK_TARGETS, TEST_EGRESS } from '../../helpers/loopback-egress.js';
import { TEST_KEYS } from '../../helpers/encryption.js';
import { Retention } from '../../../src/delivery/retention.js';
import { Readiness } from '../../../src/api/readiness.js';

export interface BotApi {
  server: HooklineServer;
  store: SqliteStore;
  clock: FakeClock;
  adminToken: string;
  /** API keys of two apps (tenants). */
  keys: { a: string; b: string };
  appIds: { a: string; b: string };
  close(): Promise<void>;
}

/** The real server (real SQLite file, real sender) with the bot routes mounted as the app will. */
export type BotApiOptions = Pick<
  BotServiceOptions,
  'defaultTimeoutMs' | 'replyLimitBytes' | 'random'
>;

export async function startBotApi(options: BotApiOptions = {}): Promise<BotApi> {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-bots-api-'));
  const store = new SqliteStore({ file: join(dir, 'hookline.db'), encryption: TEST_KEYS });
  await store.migrate();
  const clock = new FakeClock();
  const sender = new HttpSender({ egress: TEST_EGRESS });
  const adminToken = newToken('admin');
  const keys = { a: newToken('hk'), b: newToken('hk') };
  const appIds = { a: newId('app'), b: newId('app') };
  for (const tenant of ['a', 'b'] as const) {
    await store.createApp({
      id: appIds[tenant],
      name: tenant,
      metadata: {},
      uid: null,
      apiKeyHash: sha256Hex(keys[tenant]),
      viberAuthToken: null,
      instanceSettings: {},
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
  }
  const ctx: ApiContext = {
    store,
    apiKeys: new ApiKeys(store, null),
    clock,
    logger: pino({ level: 'silent' }),
    sender,
    inspector: new Inspector(store.bins, clock),
    bots: new BotService({
      ...options,
      store: store.bots,
      sender,
      clock,
      targets: LOOPBACK_TARGETS,
    }),
    targets: LOOPBACK_TARGETS,
    adminToken,
    publicUrl: 'http://127.0.0.1:8080',
    payloadLimitBytes: 256 * 1024,
    idempotencyWindowMs: 86_400_000,
    retention: new Retention(store, clock, pino({ level: 'silent' }), {
      retentionDays: 30,
      payloadRetentionDays: null,
    }),
    portal: {
      linkTtlMs: DEFAULT_CONFIG.portalLinkTtlMs,
      sessionTtlMs: DEFAULT_CONFIG.portalSessionTtlMs,
    },
    readiness: new Readiness(),
  };
  const server = await buildServer(ctx, { role: 'api', rootPlugins: [botRoutes] });
  return {
    server,
    store,
    clock,
    adminToken,
    keys,
    appIds,
    async close() {
      await server.close();
      await sender.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const auth = (key: string) => ({ authorization: `Bearer ${key}` });
