import { withUniqueUid } from '../unique-uid.js';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { EndpointHealth } from '../../domain/endpoint-health.js';
import type { StatsBucket } from '../../domain/endpoint-stats.js';
import { ensurePrivateDir, ensurePrivateFile, tightenIfPresent } from '../../lib/private-files.js';
import { SecretBox, type EncryptionKeys } from '../../lib/secret-box.js';
import { checkKeys, resealAll } from '../secrets/sealing.js';
import type { SealedRows } from '../secrets/sealed-rows.js';
import type { App, Attempt, Delivery, Endpoint, Message, Page } from '../../domain/types.js';
import { batchItemError } from '../batch-item-error.js';
import type {
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
  RecordedResults,
  RecordRules,
  PurgeProgress,
  PurgeRequest,
  AppBacklog,
  Release,
  StatsQuery,
  Store,
  StoreCapabilities,
  StoreStats,
  Backlog,
  OutboxEvent,
} from '../store.js';
import { SqliteApps } from './app-queries.js';
import { SqliteBacklog } from './backlog-queries.js';
import { SqliteAttempts } from './attempt-queries.js';
import { SqliteBinStore } from './bin-queries.js';
import { SqliteBotStore } from './bot-queries.js';
import { SqlitePortalStore } from './portal-queries.js';
import { SqliteClaims } from './claim.js';
import { SqliteDeliveries } from './delivery-queries.js';
import { SqliteEndpoints } from './endpoint-queries.js';
import { GroupCommit } from './group-commit.js';
import { LazyCheckpointer } from './lazy-checkpointer.js';
import { SqliteLeases } from './lease-queries.js';
import { SqliteMessageInsert } from './message-insert.js';
import { SqliteMessages } from './message-queries.js';
import { migrateSqlite, pendingSqliteMigrations } from './migrate.js';
import { probeSqliteWrite } from './write-probe.js';
import { openSqlite, type SqliteSync } from './open.js';
import { ResultRecording } from './record-attempts.js';
import { sqliteSealedRows } from './sealed-rows.js';
import { SqliteRequeue } from './requeue.js';
import { SqliteRetention } from './retention.js';
import { SqliteOutbox } from './operational-outbox.js';
import { SqliteSerialQueue } from './serial-queue.js';
import { ParkedClaims } from './parked-claims.js';
import { SqliteStatsQueries } from './stats-queries.js';

/** The WAL file's size once it is started over after a burst (`journal_size_limit`). */
const WAL_SIZE_LIMIT = 64 * 1024 * 1024;

export interface SqliteStoreOptions {
  /** Database file; ':memory:' for throwaway stores. */
  file: string;
  sync?: SqliteSync;
  /** A read-only connection beside the writer (ThreadedSqliteStore's reads); migrate() only prepares. */
  readonly?: boolean;
  /** The most pages the database file may have (SQLite's max_page_count); unset = no cap. */
  maxPages?: number | null;
  /**
   * `background`: checkpoints run on a thread of their own (checkpointer.ts), never inside a
   * commit, started once the WAL passes 4 MiB (lazy-checkpointer.ts); the server's store thread
   * sets it. `auto` (the default): SQLite's own, in the commit that crosses 1,000 WAL pages, which
   * suits short-lived stores (tests, the CLI).
   */
  checkpoints?: 'auto' | 'background';
  /** Called once the database is closed (releases the data folder lock). */
  onClose?: () => void;
  /** The keys secrets are sealed with (plain data: it crosses to the store thread). */
  encryption: EncryptionKeys;
}

/**
 * The embedded store: better-sqlite3 in WAL mode, one process owning the file. Message inserts and
 * attempt results go through group commits; reads run directly.
 */
export class SqliteStore implements Store {
  readonly capabilities: StoreCapabilities = {
    dialect: 'sqlite',
    singleOwner: true,
    crossProcessWakeups: false,
    parkedClaims: true,
  };
  readonly db: Database;
  private readonly writes: GroupCommit;
  private readonly checkpointer: LazyCheckpointer | null = null;
  /** Claims waiting for work (`ClaimArgs.waitMs`); set up by migrate(). */
  private parkedClaims: ParkedClaims | null = null;
  /** Bot connections and invocations (src/bots). */
  readonly bots: SqliteBotStore;
  /** Inspector bins and their captured requests (src/inspector). */
  readonly bins: SqliteBinStore;
  /** Portal sessions. */
  readonly portal: SqlitePortalStore;
  /** Seals and opens the secret columns. */
  readonly box: SecretBox;
  private parts!: {
    apps: SqliteApps;
    endpoints: SqliteEndpoints;
    messageInsert: SqliteMessageInsert;
    messages: SqliteMessages;
    deliveries: SqliteDeliveries;
    attempts: SqliteAttempts;
    claims: SqliteClaims;
    results: ResultRecording;
    leases: SqliteLeases;
    requeue: SqliteRequeue;
    retention: SqliteRetention;
    stats: SqliteStatsQueries;
    backlog: SqliteBacklog;
    outbox: SqliteOutbox;
  };

  constructor(private readonly options: SqliteStoreOptions) {
    if (options.file !== ':memory:' && !options.readonly) {
      // The database holds tenants' secrets: folder 0700, database files 0600.
      ensurePrivateDir(dirname(options.file));
      ensurePrivateFile(options.file);
      for (const suffix of ['-wal', '-shm']) tightenIfPresent(`${options.file}${suffix}`);
    }
    this.db = openSqlite(options.file, options.sync ?? 'full', options.readonly ?? false);
    if (options.maxPages != null && !options.readonly)
      this.db.pragma(`max_page_count = ${Math.trunc(options.maxPages)}`);
    if (options.checkpoints === 'background' && options.file !== ':memory:' && !options.readonly) {
      this.db.pragma('wal_autocheckpoint = 0');
      // A WAL that grew in a burst shrinks back to this when the writer starts it over.
      this.db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
      // The thread starts once the WAL passes SQLite's own mark (lazy-checkpointer.ts).
      this.checkpointer = new LazyCheckpointer(options.file);
    }
    this.box = new SecretBox(options.encryption);
    this.writes = new GroupCommit(this.db, {
      pending: () => (this.parkedClaims?.waiting ?? 0) > 0,
      lastInTransaction: () => this.parkedClaims?.claimWithinCommit() ?? null,
      onError: () => this.parkedClaims?.afterCommit(),
    });
    this.bots = new SqliteBotStore(this.db, this.box, (op) => this.writes.run(op));
    this.bins = new SqliteBinStore(this.db, (op) => this.writes.run(op));
    this.portal = new SqlitePortalStore(this.db);
  }

  /**
   * Migrates, refuses a key that cannot open the stored secrets, and seals any still in clear
   * (rows written before encryption), before anything else reads or writes them.
   */
  async migrate(): Promise<void> {
    if (!this.options.readonly) {
      migrateSqlite(this.db);
      await checkKeys(this.sealedRows(), this.box);
      const sealed = await resealAll(this.sealedRows(), this.box, { scope: 'plain' });
      // Rows an older version kept in clear were just sealed: their old text may linger in free
      // pages and the WAL. Rewrite the file once, and empty the WAL, so that no copy survives.
      if (sealed > 0 && this.options.file !== ':memory:') {
        this.db.exec('VACUUM');
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      }
    }
    const serial = new SqliteSerialQueue(this.db);
    const outbox = new SqliteOutbox(this.db);
    const endpoints = new SqliteEndpoints(this.db, serial, this.box, outbox);
    this.parts = {
      apps: new SqliteApps(this.db, this.box),
      endpoints,
      messageInsert: new SqliteMessageInsert(this.db, endpoints, serial),
      messages: new SqliteMessages(this.db),
      deliveries: new SqliteDeliveries(this.db, serial),
      attempts: new SqliteAttempts(this.db),
      claims: new SqliteClaims(this.db, (this.options.sync ?? 'full') === 'full'),
      results: new ResultRecording(this.db, serial, endpoints, outbox),
      leases: new SqliteLeases(this.db),
      requeue: new SqliteRequeue(this.db, serial),
      retention: new SqliteRetention(this.db),
      stats: new SqliteStatsQueries(this.db),
      backlog: new SqliteBacklog(this.db),
      outbox,
    };
    const { claims, leases } = this.parts;
    this.parkedClaims = new ParkedClaims({
      claim: (args) => claims.claim(args),
      claimWithin: (args) => claims.claimWithin(args),
      nextDueAt: () => leases.nextDueAt(),
      now: () => Date.now(),
    });
  }

  /** The secret columns, for sealing and `hookline encryption rotate-key`. */
  sealedRows(): SealedRows {
    return sqliteSealedRows(this.db);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async pendingMigrations(): Promise<number[]> {
    return pendingSqliteMigrations(this.db);
  }

  async probeWrite(): Promise<void> {
    probeSqliteWrite(this.db);
  }

  async close(): Promise<void> {
    // Waiting claims are answered first, and their answers leave (the store thread posts them)
    // before this close is answered.
    if (this.parkedClaims?.releaseAll()) await new Promise((resolve) => setImmediate(resolve));
    // Stopped first, so that the writer, last to close, checkpoints and removes the WAL.
    await this.checkpointer?.stop();
    this.writes.flush();
    if (this.db.open) this.db.close();
    this.options.onClose?.();
  }

  async createApp(app: App): Promise<App> {
    return withUniqueUid('app', app.uid, async () => this.parts.apps.create(app));
  }
  async getApp(id: string): Promise<App | null> {
    return this.parts.apps.get(id);
  }
  async getAppByUid(uid: string): Promise<App | null> {
    return this.parts.apps.getByUid(uid);
  }
  async getAppByKeyHash(hash: string): Promise<App | null> {
    return this.parts.apps.getByKeyHash(hash);
  }
  async getAppByViberTokenDigest(digest: string): Promise<App | null> {
    return this.parts.apps.getByViberTokenDigest(digest);
  }
  async listApps(query: ListQuery, onlyId?: string): Promise<Page<App>> {
    return this.parts.apps.list(query, onlyId);
  }
  async updateApp(app: App, expectedUpdatedAt?: number): Promise<App | null> {
    return withUniqueUid('app', app.uid, async () =>
      this.parts.apps.update(app, expectedUpdatedAt),
    );
  }
  async deleteApp(id: string): Promise<boolean> {
    this.parts.endpoints.forgetApp(id);
    return this.parts.apps.delete(id);
  }

  async createEndpoint(e: Endpoint): Promise<Endpoint> {
    return withUniqueUid('endpoint', e.uid, async () => this.parts.endpoints.create(e));
  }
  async getEndpoint(appId: string, id: string): Promise<Endpoint | null> {
    return this.parts.endpoints.get(appId, id);
  }
  async getEndpointByUid(appId: string, uid: string): Promise<Endpoint | null> {
    return this.parts.endpoints.getByUid(appId, uid);
  }
  async getEndpointsByIds(ids: string[]): Promise<Endpoint[]> {
    return this.parts.endpoints.getMany(ids);
  }
  async listEndpoints(appId: string, query: ListQuery): Promise<Page<Endpoint>> {
    return this.parts.endpoints.list(appId, query);
  }
  async updateEndpoint(e: Endpoint, expectedUpdatedAt?: number): Promise<Endpoint | null> {
    // Enabling an endpoint, or making it parallel, makes deliveries due.
    return this.workMayBeDue(
      await withUniqueUid('endpoint', e.uid, async () =>
        this.parts.endpoints.update(e, expectedUpdatedAt),
      ),
    );
  }
  async deleteEndpoint(appId: string, id: string): Promise<boolean> {
    return this.parts.endpoints.delete(appId, id);
  }

  insertMessage(message: NewMessage, windowMs: number): Promise<InsertMessageResult> {
    return this.writes.run(() => this.parts.messageInsert.insert(message, windowMs));
  }
  /** One write of the group commit: if an item throws, its savepoint (the whole batch) rolls back. */
  insertMessages(messages: NewMessage[], windowMs: number): Promise<InsertMessageResult[]> {
    return this.writes.run(() =>
      messages.map((m, i) => {
        try {
          return this.parts.messageInsert.insert(m, windowMs);
        } catch (error) {
          throw batchItemError(error, i);
        }
      }),
    );
  }
  async getMessageByIdempotencyKey(appId: string, key: string): Promise<Message | null> {
    return this.parts.messages.getByIdempotencyKey(appId, key);
  }
  async getKeyUse(appId: string, key: string): Promise<KeyUse | null> {
    return this.parts.messages.keyUse(appId, key);
  }
  async getMessage(appId: string, id: string): Promise<Message | null> {
    return this.parts.messages.get(appId, id);
  }
  async listMessages(
    appId: string,
    filter: MessageFilter,
    query: ListQuery,
  ): Promise<Page<Message>> {
    return this.parts.messages.list(appId, filter, query);
  }

  async getDelivery(appId: string, id: number): Promise<Delivery | null> {
    return this.parts.deliveries.get(appId, id);
  }
  async listDeliveries(
    appId: string,
    filter: DeliveryFilter,
    query: ListQuery,
  ): Promise<Page<Delivery>> {
    return this.parts.deliveries.list(appId, filter, query);
  }
  async retryDelivery(appId: string, id: number, now: number): Promise<Delivery | null> {
    return this.workMayBeDue(this.parts.deliveries.retry(appId, id, now));
  }
  async recoverEndpoint(
    appId: string,
    endpointId: string,
    request: RecoverRequest,
    now: number,
  ): Promise<RecoverOutcome | null> {
    return this.workMayBeDue(this.parts.requeue.recover(appId, endpointId, request, now));
  }
  async replayMessage(
    appId: string,
    messageId: string,
    endpointId: string,
    now: number,
    windowMs: number,
  ): Promise<ReplayResult> {
    return this.workMayBeDue(
      this.parts.requeue.replay(appId, messageId, endpointId, now, windowMs),
    );
  }

  async releaseHeldDeliveries(
    appId: string,
    endpointId: string,
    heldUntil: number,
    now: number,
  ): Promise<number> {
    return this.workMayBeDue(this.parts.deliveries.releaseHeld(appId, endpointId, heldUntil, now));
  }

  async listAttempts(
    appId: string,
    filter: AttemptFilter,
    query: ListQuery,
  ): Promise<Page<Attempt>> {
    return this.parts.attempts.list(appId, filter, query);
  }
  async insertAttempt(attempt: Omit<Attempt, 'id'>): Promise<Attempt> {
    return this.parts.attempts.insert(attempt);
  }

  async claimDue(args: ClaimArgs): Promise<ClaimedDelivery[]> {
    const { waitMs } = args;
    if (waitMs === undefined || waitMs <= 0 || !this.parkedClaims)
      return this.parts.claims.claim(args);
    return this.parkedClaims.claim({ ...args, waitMs });
  }
  async wakeParkedClaims(): Promise<void> {
    this.parkedClaims?.wakeAll();
  }
  recordAttempts(
    results: AttemptResult[],
    now: number,
    rules?: RecordRules,
  ): Promise<RecordedResults> {
    return this.writes.run(() => this.parts.results.record(results, now, rules));
  }
  async releaseDeliveries(releases: Release[]): Promise<void> {
    this.workMayBeDue(this.parts.leases.release(releases));
  }
  async releaseAllLeases(now: number): Promise<number> {
    this.parts.outbox.releaseAll();
    return this.workMayBeDue(this.parts.leases.releaseAll(now));
  }

  /**
   * After a committed write outside the group commit that can make work due (or change when it
   * is): parked claims look again. The group commit does the same after each of its commits.
   */
  private workMayBeDue<T>(committed: T): T {
    this.parkedClaims?.afterCommit();
    return committed;
  }
  async claimOperationalEvents(
    now: number,
    limit: number,
    leaseMs: number,
  ): Promise<OutboxEvent[]> {
    return this.parts.outbox.claim(now, limit, leaseMs);
  }
  async deleteOperationalEvents(ids: number[]): Promise<void> {
    this.parts.outbox.remove(ids);
  }
  async nextDueAt(): Promise<number | null> {
    return this.parts.leases.nextDueAt();
  }
  async stats(appId?: string): Promise<StoreStats> {
    return this.parts.leases.stats(appId);
  }
  async statsSeries(query: StatsQuery): Promise<StatsBucket[]> {
    return this.parts.stats.series(query);
  }
  async endpointHealth(appId: string, ids: string[], now: number): Promise<EndpointHealth[]> {
    return this.parts.stats.health(appId, ids, now);
  }
  async failingEndpoints(appId: string, limit: number): Promise<string[]> {
    return this.parts.stats.failing(appId, limit);
  }
  async appBacklog(appId: string): Promise<AppBacklog> {
    return this.parts.stats.backlog(appId);
  }
  async backlog(now: number, cap: number): Promise<Backlog> {
    return this.parts.backlog.read(now, cap);
  }

  // Retention steps run alone, each its own short transaction (not in a group commit).
  async purgeMessages(request: PurgeRequest): Promise<PurgeProgress> {
    return this.parts.retention.purgeMessages(request);
  }
  async dropPayloads(request: PurgeRequest): Promise<PurgeProgress> {
    return this.parts.retention.dropPayloads(request);
  }
  async purgeHistory(before: number, limit: number): Promise<number> {
    return this.parts.retention.purgeHistory(before, limit);
  }
  async reclaimSpace(maxPages: number): Promise<number> {
    return this.parts.retention.reclaimSpace(maxPages);
  }
}
