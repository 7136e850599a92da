import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { appCases } from './cases/apps.js';
import { backlogCases } from './cases/backlog.js';
import { batchInsertCases } from './cases/batch-inserts.js';
import { cascadeCases } from './cases/cascade.js';
import { disablingCases } from './cases/disabling.js';
import { claimCases } from './cases/claims.js';
import { clusterCases } from './cases/cluster.js';
import { endpointCases } from './cases/endpoints.js';
import { concurrentInsertCases } from './cases/concurrent-inserts.js';
import { idempotencyCases } from './cases/idempotency.js';
import { isolationCases } from './cases/isolation.js';
import { leaseCases } from './cases/leases.js';
import { messageCases } from './cases/messages.js';
import { nextDueAndStatsCases } from './cases/next-due-and-stats.js';
import { outboxCases } from './cases/outbox.js';
import { paginationCases } from './cases/pagination.js';
import { portalCases } from './cases/portal.js';
import { recoveryCases } from './cases/recovery.js';
import { releaseCases } from './cases/releases.js';
import { requeueCases } from './cases/requeue.js';
import { reportRoutingCases } from './cases/report-routing.js';
import { retentionCases } from './cases/retention.js';
import { resultCases } from './cases/results.js';
import { retryDeliveryCases } from './cases/retry-delivery.js';
import { serialCases } from './cases/serial.js';
import { statsCases } from './cases/stats.js';
import { uidCases } from './cases/uids.js';
import { versionedUpdateCases } from './cases/versioned-updates.js';

/** How the suite gets stores of one adapter. */
export interface StoreHarness {
  /** Once per test file (create the database, ...). */
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
  /** A migrated store on an empty database. Called before every test. */
  open(): Promise<Store>;
  /**
   * Another store on the same database, as a second node would open it. Absent for single-owner
   * stores (SQLite): the cluster cases then use concurrent callers of one store.
   */
  openPeer?(): Promise<Store>;
}

/** What each case file gets: the current test's store, and peers when the adapter has them. */
export interface SuiteContext {
  store(): Store;
  peer(): Promise<Store>;
  hasPeers: boolean;
}

/** The one conformance suite: every `Store` behaviour, run once per adapter. */
export function describeStoreConformance(name: string, harness: StoreHarness): void {
  describe(`Store conformance: ${name}`, () => {
    let current: Store | null = null;
    let opened: Store[] = [];

    beforeAll(async () => {
      await harness.setup?.();
    });
    afterAll(async () => {
      await harness.teardown?.();
    });
    beforeEach(async () => {
      current = await harness.open();
      opened = [current];
    });
    afterEach(async () => {
      const stores = opened;
      opened = [];
      current = null;
      for (const s of stores) await s.close();
    });

    const ctx: SuiteContext = {
      store: () => {
        if (!current) throw new Error('no store open');
        return current;
      },
      peer: async () => {
        if (!harness.openPeer) throw new Error(`${name} has no peers`);
        const s = await harness.openPeer();
        opened.push(s);
        return s;
      },
      hasPeers: harness.openPeer !== undefined,
    };

    describe('apps', () => appCases(ctx));
    describe('endpoints', () => endpointCases(ctx));
    describe('uids (Svix ids-or-uids)', () => uidCases(ctx));
    describe('updates conditional on the version read', () => versionedUpdateCases(ctx));
    describe('messages and fan-out', () => messageCases(ctx));
    describe('delivery reports follow their webhook (webhook_id)', () => reportRoutingCases(ctx));
    describe('idempotency', () => idempotencyCases(ctx));
    describe('inserts arriving together', () => concurrentInsertCases(ctx));
    describe('batch inserts, all or nothing', () => batchInsertCases(ctx));
    describe('claims', () => claimCases(ctx));
    describe('leases', () => leaseCases(ctx));
    describe('attempt results', () => resultCases(ctx));
    describe('releases', () => releaseCases(ctx));
    describe('disabling by results (410 Gone, failing too long)', () => disablingCases(ctx));
    describe('operational outbox', () => outboxCases(ctx));
    describe('serial ordering', () => serialCases(ctx));
    describe('recovery windows', () => recoveryCases(ctx));
    describe('recover by state, replay', () => requeueCases(ctx));
    describe('retryDelivery', () => retryDeliveryCases(ctx));
    describe('pagination', () => paginationCases(ctx));
    describe('tenant isolation', () => isolationCases(ctx));
    describe('nextDueAt and stats', () => nextDueAndStatsCases(ctx));
    describe('backlog', () => backlogCases(ctx));
    describe('cascade deletes', () => cascadeCases(ctx));
    describe('rollups and endpoint health', () => statsCases(ctx));
    describe('retention', () => retentionCases(ctx));
    describe('portal sessions', () => portalCases(ctx));
    describe('several nodes (or concurrent callers) on one database', () => clusterCases(ctx));
  });
}
