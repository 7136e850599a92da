import { withUniqueUid } from '../unique-uid.js';
import type pg from 'pg';
import type { EndpointHealth } from '../../domain/endpoint-health.js';
import type { StatsBucket } from '../../domain/endpoint-stats.js';
import type { App, Attempt, Delivery, Endpoint, Message, Page } from '../../domain/types.js';
import { SecretBox, type EncryptionKeys } from '../../lib/secret-box.js';
import { checkKeys, resealAll } from '../secrets/sealing.js';
import type { SealedRows } from '../secrets/sealed-rows.js';
import type {
  AppBacklog,
  StatsQuery,
  AttemptFilter,
  AttemptResult,
  ClaimArgs,
  ClaimedDelivery,
  DeliveryFilter,
  InsertMessageResult,
  KeyUse,
  ListQuery,
  MessageFilter,
  NewMessage,
  RecoverOutcome,
  RecoverRequest,
  ReplayResult,
  PurgeProgress,
  PurgeRequest,
  Release,
  OutboxEvent,
  Store,
  StoreCapabilities,
  StoreStats,
  RecordedResults,
  RecordRules,
  Backlog,
} from '../store.js';
import * as apps from './app-queries.js';
import * as attempts from './attempt-queries.js';
import { backlog } from './backlog-queries.js';
import { PgBinStore } from './bin-queries.js';
import { PgBotStore } from './bot-queries.js';
import { PgPortalStore } from './portal-queries.js';
import { claimDue } from './claim.js';
import { describeConnectError, describeTarget, toStoreError } from './connection-errors.js';
import * as deliveries from './delivery-queries.js';
import * as endpoints from './endpoint-queries.js';
import * as leases from './lease-queries.js';
import { PgGroupCommit } from './group-commit.js';
import { ReadBatch } from './read-batch.js';
import { RoutingCache } from './routing-cache.js';
import { insertMessages } from './message-batch.js';
import { insertBatchRequest } from './message-batch-request.js';
import { insertMessage } from './message-insert.js';
import * as messages from './message-queries.js';
import { migratePostgres, pendingMigrations } from './migrate.js';
import { probePostgresWrite } from './write-probe.js';
import { storePools } from './store-pools.js';
import { clientConfig } from './pool.js';
import { recordAttempts } from './record-attempts.js';
import * as outbox from './operational-outbox.js';
import * as requeue from './requeue.js';
import { pgSealedRows } from './sealed-rows.js';
import * as retention from './retention.js';
import * as stats from './stats-queries.js';
import { WakeListener } from './wake-listener.js';
import { WakeNotifier } from './wake-notify.js';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections this process may open (default 10). */
  poolSize?: number;
  /** Give up connecting after this long; requests then fail with 503 (default 5000). */
  connectionTimeoutMs?: number;
  /** Wake-up polling interval while the LISTEN connection is down (default 1000). */
  wakePollMs?: number;
  applicationName?: string;
  /** Background connection errors (a pooled or LISTEN connection dropped); default: ignored. */
  onConnectionError?: (error: Error) => void;
  /** The keys secrets are sealed with; every node of a database needs the same current key. */
  encryption: EncryptionKeys;
  /**
   * Whether this process runs a dispatcher (default true): only then does it keep connections for
   * it (store-pools.ts); an api node leaves them all to its requests.
   */
  delivers?: boolean;
}

export const DEFAULT_POOL_SIZE = 10;

interface IngestItem {
  message: NewMessage;
  windowMs: number;
}

/**
 * The server store: any number of api and worker processes share one PostgreSQL database. Claims
 * use FOR UPDATE SKIP LOCKED with leases; serial endpoints are guarded by per-endpoint advisory
 * locks; wake-ups travel by LISTEN/NOTIFY. Errors that mean "the database is unreachable" leave
 * as HooklineError 503 `store_unavailable`; the pool reconnects by itself.
 */
export class PostgresStore implements Store {
  readonly capabilities: StoreCapabilities = {
    dialect: 'postgres',
    singleOwner: false,
    crossProcessWakeups: true,
    parkedClaims: false,
  };
  readonly pool: pg.Pool;
  /** The grouped inserts' own connections (store-pools.ts); `pool` when it is not split. */
  private readonly groupPool: pg.Pool;
  /** The dispatcher's own connections (store-pools.ts); `pool` when it is not split. */
  readonly deliveryPool: pg.Pool;
  /** Bot connections and invocations (src/bots). */
  readonly bots: PgBotStore;
  /** Inspector bins and their captured requests (src/inspector). */
  readonly bins: PgBinStore;
  /** Portal sessions. */
  readonly portal: PgPortalStore;
  /** Seals and opens the secret columns. */
  readonly box: SecretBox;
  private readonly target: string;
  private readonly wakes: WakeListener;
  private readonly notifier: WakeNotifier;
  private readonly ingest: PgGroupCommit<IngestItem, InsertMessageResult>;
  private readonly routing: RoutingCache;
  /** Authentications arriving together share one read. */
  private readonly appsByKey = new ReadBatch<string, App>((hashes) =>
    apps.getAppsByKeyHashes(this.pool, this.box, hashes),
  );
  private closed = false;

  constructor(private readonly options: PostgresStoreOptions) {
    this.target = describeTarget(options.url);
    this.box = new SecretBox(options.encryption);
    const settings = {
      url: options.url,
      poolSize: options.poolSize ?? DEFAULT_POOL_SIZE,
      connectionTimeoutMs: options.connectionTimeoutMs ?? 5000,
      applicationName: options.applicationName ?? 'hookline',
    };
    const onError = options.onConnectionError ?? (() => undefined);
    const pools = storePools(settings, onError, { delivers: options.delivers ?? true });
    this.pool = pools.pool;
    this.groupPool = pools.groups;
    this.deliveryPool = pools.delivery;
    this.notifier = new WakeNotifier(settings, onError);
    this.routing = new RoutingCache(this.pool);
    this.ingest = this.ingestGroups(pools.groupsInFlight);
    const guard = <T>(work: () => Promise<T>) => this.run(work);
    this.bots = new PgBotStore(this.pool, guard, this.box);
    this.bins = new PgBinStore(this.pool, guard);
    this.portal = new PgPortalStore(this.pool, guard);
    this.wakes = new WakeListener({
      client: clientConfig({ ...settings, applicationName: `${settings.applicationName}-listen` }),
      pollMs: options.wakePollMs ?? 1000,
      onError,
    });
  }

  /**
   * Concurrent inserts share statements and commits (message-batch.ts). Messages of different
   * idempotency windows never share a group's fallback, so each item carries its own.
   */
  private ingestGroups(inFlight: number): PgGroupCommit<IngestItem, InsertMessageResult> {
    return new PgGroupCommit<IngestItem, InsertMessageResult>({
      maxInFlight: inFlight,
      maxItems: 500,
      write: (items) => {
        const windows = new Map(items.map((i) => [i.message, i.windowMs]));
        return insertMessages(
          this.groupPool,
          this.routing,
          items.map((i) => i.message),
          (m) => insertMessage(this.pool, m, windows.get(m) ?? 0, this.notifier.wake),
          this.notifier.wake,
        );
      },
    });
  }

  /** Maps "database unreachable" to 503 store_unavailable; everything else passes through. */
  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error, this.target);
    }
  }

  /** Migrates, then checks the key and seals secrets still in clear (sealSecrets). */
  async migrate(): Promise<void> {
    try {
      await migratePostgres(this.pool);
    } catch (error) {
      throw describeConnectError(error, this.options.url);
    }
    await this.sealSecrets();
  }

  /**
   * Refuses a key that cannot open the stored secrets (another node's, a lost one), then seals any
   * still in clear. Safe while other nodes do the same: each row is written only if unchanged.
   */
  async sealSecrets(): Promise<void> {
    await checkKeys(this.sealedRows(), this.box);
    await resealAll(this.sealedRows(), this.box, { scope: 'plain' });
  }

  /** The secret columns, for sealing and `hookline encryption rotate-key`. */
  sealedRows(): SealedRows {
    return pgSealedRows(this.pool);
  }

  async ping(): Promise<void> {
    await this.run(() => this.pool.query('SELECT 1'));
  }

  pendingMigrations(): Promise<number[]> {
    return this.run(() => pendingMigrations(this.pool));
  }

  probeWrite(): Promise<void> {
    return this.run(() => probePostgresWrite(this.pool));
  }

  /** Like ping, but the error is a one-line startup message naming the host. */
  async checkConnection(): Promise<void> {
    try {
      await this.pool.query('SELECT 1');
    } catch (error) {
      throw describeConnectError(error, this.options.url);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.notifier.close();
    await this.wakes.close();
    // Every pool is ended even if one fails to; the first failure is reported.
    const ended = await Promise.allSettled(
      [...new Set([this.pool, this.groupPool, this.deliveryPool])].map((p) => p.end()),
    );
    const failed = ended.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Calls `listener` when another process may have made work due. Returns the unsubscribe. */
  onWake(listener: () => void): () => void {
    return this.wakes.subscribe(listener);
  }

  createApp(app: App): Promise<App> {
    return this.run(() =>
      withUniqueUid('app', app.uid, () => apps.createApp(this.pool, this.box, app)),
    );
  }
  getApp(id: string): Promise<App | null> {
    return this.run(() => apps.getApp(this.pool, this.box, id));
  }
  getAppByUid(uid: string): Promise<App | null> {
    return this.run(() => apps.getAppByUid(this.pool, this.box, uid));
  }
  getAppByKeyHash(hash: string): Promise<App | null> {
    return this.run(() => this.appsByKey.get(hash));
  }
  async getAppByViberTokenDigest(digest: string): Promise<App | null> {
    return this.run(() => apps.getAppByViberTokenDigest(this.pool, this.box, digest));
  }
  listApps(query: ListQuery, onlyId?: string): Promise<Page<App>> {
    return this.run(() => apps.listApps(this.pool, this.box, query, onlyId));
  }
  updateApp(app: App, expectedUpdatedAt?: number): Promise<App | null> {
    return this.run(() =>
      withUniqueUid('app', app.uid, () =>
        apps.updateApp(this.pool, this.box, app, expectedUpdatedAt),
      ),
    );
  }
  deleteApp(id: string): Promise<boolean> {
    return this.run(() => apps.deleteApp(this.pool, id));
  }

  createEndpoint(e: Endpoint): Promise<Endpoint> {
    return this.run(() =>
      withUniqueUid('endpoint', e.uid, () => endpoints.createEndpoint(this.pool, this.box, e)),
    );
  }
  getEndpoint(appId: string, id: string): Promise<Endpoint | null> {
    return this.run(() => endpoints.getEndpoint(this.pool, this.box, appId, id));
  }
  getEndpointByUid(appId: string, uid: string): Promise<Endpoint | null> {
    return this.run(() => endpoints.getEndpointByUid(this.pool, this.box, appId, uid));
  }
  getEndpointsByIds(ids: string[]): Promise<Endpoint[]> {
    return this.run(() => endpoints.getEndpointsByIds(this.pool, this.box, ids));
  }
  listEndpoints(appId: string, query: ListQuery): Promise<Page<Endpoint>> {
    return this.run(() => endpoints.listEndpoints(this.pool, this.box, appId, query));
  }
  updateEndpoint(e: Endpoint, expectedUpdatedAt?: number): Promise<Endpoint | null> {
    return this.run(() =>
      withUniqueUid('endpoint', e.uid, () =>
        endpoints.updateEndpoint(this.pool, this.box, e, this.notifier.wake, expectedUpdatedAt),
      ),
    );
  }
  deleteEndpoint(appId: string, id: string): Promise<boolean> {
    return this.run(() => endpoints.deleteEndpoint(this.pool, appId, id));
  }

  insertMessage(message: NewMessage, windowMs: number): Promise<InsertMessageResult> {
    return this.run(() => this.ingest.run({ message, windowMs }));
  }
  insertMessages(messages: NewMessage[], windowMs: number): Promise<InsertMessageResult[]> {
    return this.run(() =>
      insertBatchRequest(this.pool, this.routing, messages, windowMs, this.notifier.wake),
    );
  }
  getMessageByIdempotencyKey(appId: string, key: string): Promise<Message | null> {
    return this.run(() => messages.getMessageByIdempotencyKey(this.pool, appId, key));
  }
  getKeyUse(appId: string, key: string): Promise<KeyUse | null> {
    return this.run(() => messages.getKeyUse(this.pool, appId, key));
  }
  getMessage(appId: string, id: string): Promise<Message | null> {
    return this.run(() => messages.getMessage(this.pool, appId, id));
  }
  listMessages(appId: string, filter: MessageFilter, query: ListQuery): Promise<Page<Message>> {
    return this.run(() => messages.listMessages(this.pool, appId, filter, query));
  }

  getDelivery(appId: string, id: number): Promise<Delivery | null> {
    return this.run(() => deliveries.getDelivery(this.pool, appId, id));
  }
  listDeliveries(appId: string, filter: DeliveryFilter, query: ListQuery): Promise<Page<Delivery>> {
    return this.run(() => deliveries.listDeliveries(this.pool, appId, filter, query));
  }
  retryDelivery(appId: string, id: number, now: number): Promise<Delivery | null> {
    return this.run(() => deliveries.retryDelivery(this.pool, appId, id, now, this.notifier.wake));
  }
  releaseHeldDeliveries(
    appId: string,
    endpointId: string,
    heldUntil: number,
    now: number,
  ): Promise<number> {
    return this.run(() =>
      deliveries.releaseHeldDeliveries(
        this.pool,
        appId,
        endpointId,
        heldUntil,
        now,
        this.notifier.wake,
      ),
    );
  }

  recoverEndpoint(
    appId: string,
    endpointId: string,
    request: RecoverRequest,
    now: number,
  ): Promise<RecoverOutcome | null> {
    return this.run(() =>
      requeue.recoverEndpoint(this.pool, appId, endpointId, request, now, this.notifier.wake),
    );
  }
  replayMessage(
    appId: string,
    messageId: string,
    endpointId: string,
    now: number,
    windowMs: number,
  ): Promise<ReplayResult> {
    return this.run(() =>
      requeue.replayMessage(
        this.pool,
        appId,
        messageId,
        endpointId,
        now,
        windowMs,
        this.notifier.wake,
      ),
    );
  }

  listAttempts(appId: string, filter: AttemptFilter, query: ListQuery): Promise<Page<Attempt>> {
    return this.run(() => attempts.listAttempts(this.pool, appId, filter, query));
  }
  insertAttempt(attempt: Omit<Attempt, 'id'>): Promise<Attempt> {
    return this.run(() => attempts.insertAttempt(this.pool, attempt));
  }

  claimDue(args: ClaimArgs): Promise<ClaimedDelivery[]> {
    return this.run(() => claimDue(this.deliveryPool, args));
  }
  recordAttempts(
    results: AttemptResult[],
    now: number,
    rules?: RecordRules,
  ): Promise<RecordedResults> {
    return this.run(() =>
      recordAttempts(this.deliveryPool, results, now, this.notifier.wake, rules),
    );
  }
  claimOperationalEvents(now: number, limit: number, leaseMs: number): Promise<OutboxEvent[]> {
    return this.run(() => outbox.claimOutbox(this.pool, now, limit, leaseMs));
  }
  deleteOperationalEvents(ids: number[]): Promise<void> {
    return this.run(() => outbox.deleteOutbox(this.pool, ids));
  }
  releaseDeliveries(releases: Release[]): Promise<void> {
    return this.run(() =>
      leases.releaseDeliveries(this.deliveryPool, releases, this.notifier.wake),
    );
  }
  releaseAllLeases(now: number): Promise<number> {
    return this.run(() => leases.releaseAllLeases(this.deliveryPool, now, this.notifier.wake));
  }
  nextDueAt(): Promise<number | null> {
    return this.run(() => leases.nextDueAt(this.deliveryPool));
  }
  stats(appId?: string): Promise<StoreStats> {
    return this.run(() => leases.stats(this.pool, appId));
  }
  statsSeries(query: StatsQuery): Promise<StatsBucket[]> {
    return this.run(() => stats.statsSeries(this.pool, query));
  }
  endpointHealth(appId: string, ids: string[], now: number): Promise<EndpointHealth[]> {
    return this.run(() => stats.endpointHealth(this.pool, appId, ids, now));
  }
  failingEndpoints(appId: string, limit: number): Promise<string[]> {
    return this.run(() => stats.failingEndpoints(this.pool, appId, limit));
  }
  appBacklog(appId: string): Promise<AppBacklog> {
    return this.run(() => stats.backlog(this.pool, appId));
  }
  backlog(now: number, cap: number): Promise<Backlog> {
    return this.run(() => backlog(this.pool, now, cap));
  }

  purgeMessages(request: PurgeRequest): Promise<PurgeProgress> {
    return this.run(() => retention.purgeMessages(this.pool, request));
  }
  dropPayloads(request: PurgeRequest): Promise<PurgeProgress> {
    return this.run(() => retention.dropPayloads(this.pool, request));
  }
  purgeHistory(before: number, limit: number): Promise<number> {
    return this.run(() => retention.purgeHistory(this.pool, before, limit));
  }
  /** Autovacuum makes deleted rows' space reusable; nothing to give back by hand. */
  async reclaimSpace(): Promise<number> {
    return 0;
  }
}
