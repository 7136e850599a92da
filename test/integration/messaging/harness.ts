import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { ApiKeys } from '../../../src/api/api-keys.js';
import type { ApiContext } from '../../../src/api/context.js';
import { DEFAULT_CONFIG } from '../../../src/app/config.js';
import { composePreviewRoutes } from '../../../src/api/routes/compose-preview.js';
import { eventRoutes } from '../../../src/api/routes/events.js';
import { viberApiRoutes, type ViberApiOptions } from '../../../src/api/routes/viber-pa.js';
import { viberTokenRoutes } from '../../../src/api/routes/viber-token.js';
import { buildServer, type HooklineServer } from '../../../src/api/server.js';
import { followChanges } from '../../../src/app/follow-changes.js';
import { BotService } from '../../../src/bots/bot-service.js';
import { Dispatcher } from '../../../src/delivery/dispatcher.js';
import { HttpSender } from '../../../src/delivery/http-sender.js';
import { Inspector } from '../../../src/inspector/inspector.js';
import { FakeClock } from '../../../src/lib/clock.js';
import { newToken } from '../../../src/lib/ids.js';
import { observeChanges } from '../../../src/store/change-feed.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { forwardTo } from '../../helpers/forward-to.js';
import { CaptureReceiver } from './receiver.js';
import { LOOPBACK_TARGETS, TEST_EGRESS } from '../../helpers/loopback-egress.js';
import { TEST_KEYS } from '../../helpers/encryption.js';
import { Retention } from '../../../src/delivery/retention.js';
import { Readiness } from '../../../src/api/readiness.js';

export interface MessagingApi {
  server: HooklineServer;
  store: SqliteStore;
  clock: FakeClock;
  dispatcher: Dispatcher;
  adminToken: string;
  close(): Promise<void>;
}

/** The real server (SQLite file in a temp dir, real sender and dispatcher) with this feature's routes. */
export async function startMessagingApi(viber: ViberApiOptions = {}): Promise<MessagingApi> {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-messaging-'));
  const store = new SqliteStore({ file: join(dir, 'hookline.db'), encryption: TEST_KEYS });
  await store.migrate();
  const clock = new FakeClock(Date.UTC(2026, 0, 15, 9, 31, 5));
  const sender = new HttpSender({ egress: TEST_EGRESS });
  const logger = pino({ level: 'silent' });
  const { store: observed, changes } = observeChanges(store);
  const dispatcher = new Dispatcher(observed, sender, clock, logger);
  followChanges(changes, dispatcher);
  const adminToken = newToken('admin');
  const ctx: ApiContext = {
    store: observed,
    apiKeys: new ApiKeys(observed, changes),
    clock,
    logger,
    sender,
    inspector: new Inspector(store.bins, clock),
    bots: new BotService({ store: store.bots, sender, clock, targets: LOOPBACK_TARGETS }),
    targets: LOOPBACK_TARGETS,
    adminToken,
    publicUrl: 'http://127.0.0.1:8080',
    payloadLimitBytes: 256 * 1024,
    idempotencyWindowMs: 86_400_000,
    retention: new Retention(observed, clock, logger, {
      retentionDays: 30,
      payloadRetentionDays: null,
    }),
    portal: {
      linkTtlMs: DEFAULT_CONFIG.portalLinkTtlMs,
      sessionTtlMs: DEFAULT_CONFIG.portalSessionTtlMs,
    },
    readiness: new Readiness(),
  };
  const server = await buildServer(ctx, {
    role: 'all',
    apiPlugins: [eventRoutes, composePreviewRoutes, viberTokenRoutes],
    rootPlugins: [(c) => viberApiRoutes(c, viber)],
  });
  return {
    server,
    store,
    clock,
    dispatcher,
    adminToken,
    async close() {
      await server.close();
      await dispatcher.stop();
      await sender.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** An app created through the API, with its API key and a Viber token issued for it. */
export interface MessagingAccount {
  id: string;
  apiKey: string;
  viberToken: string;
}

/** Creates an app through the API; returns its id, API key and a freshly issued Viber token. */
export async function createApp(api: MessagingApi, name = 'Shop'): Promise<MessagingAccount> {
  const created = await api.server.inject({
    method: 'POST',
    url: '/api/v1/apps',
    headers: bearer(api.adminToken),
    payload: { name },
  });
  const { id, apiKey } = created.json<{ id: string; apiKey: string }>();
  const issued = await api.server.inject({
    method: 'POST',
    url: `/api/v1/apps/${id}/viber-token`,
    headers: bearer(apiKey),
  });
  return { id, apiKey, viberToken: issued.json<{ viberAuthToken: string }>().viberAuthToken };
}

export interface MessagingFixture {
  api: MessagingApi;
  receiver: CaptureReceiver;
  account: MessagingAccount;
}

/**
 * Registers the hooks the messaging files share: before the file's tests, the API (with these Viber
 * options), a capture receiver and one app; after them, the receiver and the API are closed.
 */
export function useMessagingFixture(viber: ViberApiOptions): MessagingFixture {
  let api: MessagingApi | undefined;
  let receiver: CaptureReceiver | undefined;
  let account: MessagingAccount | undefined;
  beforeAll(async () => {
    api = await startMessagingApi(viber);
    receiver = await new CaptureReceiver().start();
    account = await createApp(api);
  });
  afterAll(async () => {
    await receiver?.stop();
    await api?.close();
  });
  return {
    api: forwardTo('api', () => api),
    receiver: forwardTo('receiver', () => receiver),
    account: forwardTo('account', () => account),
  };
}
