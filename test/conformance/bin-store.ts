import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Bin, NewBinRequest } from '../../src/domain/bins.js';
import { newId } from '../../src/lib/ids.js';
import type { BinStore } from '../../src/store/bin-store.js';
import type { Store } from '../../src/store/store.js';
import { createApp, T0 } from './fixtures.js';
import type { StoreHarness } from './suite.js';

const DAY = 24 * 3600 * 1000;

export function binRecord(appId: string | null, over: Partial<Bin> = {}): Bin {
  return {
    id: newId('bin'),
    appId,
    response: { status: 200, body: '', contentType: 'text/plain; charset=utf-8', delayMs: 0 },
    requestLimit: 500,
    createdAt: T0,
    expiresAt: T0 + 7 * DAY,
    ...over,
  };
}

export function requestRecord(binId: string, over: Partial<NewBinRequest> = {}): NewBinRequest {
  return {
    binId,
    method: 'POST',
    path: `/in/${binId}/x`,
    query: 'a=1&a=2',
    headers: [
      ['Content-Type', 'application/octet-stream'],
      ['X-Dup', '1'],
      ['x-dup', '2'],
    ],
    body: Buffer.from([0, 1, 2, 255]),
    bodySize: 4,
    bodyTruncated: false,
    remoteAddress: '127.0.0.1',
    receivedAt: T0,
    ...over,
  };
}

const LIMITS = { maxLivePerApp: 3, now: T0 };
const page = (limit: number, cursor: string | null = null) => ({ limit, cursor });

/**
 * Every `BinStore` behaviour (`store.bins`), run once per adapter.
 */
export function describeBinStoreConformance(name: string, harness: StoreHarness): void {
  describe(`BinStore conformance: ${name}`, () => {
    let store: Store;
    let bins: BinStore;

    beforeAll(async () => harness.setup?.());
    afterAll(async () => harness.teardown?.());
    beforeEach(async () => {
      store = await harness.open();
      bins = store.bins;
    });
    afterEach(async () => store.close());

    it('creates, reads, updates and deletes a bin', async () => {
      const app = await createApp(store);
      const bin = binRecord(app.id, {
        response: { status: 503, body: 'busy', contentType: 'text/plain', delayMs: 250 },
      });
      expect(await bins.createBin(bin, LIMITS)).toEqual(bin);
      expect(await bins.getBin(bin.id)).toEqual(bin);
      const changed = {
        ...bin,
        response: { ...bin.response, status: 201 },
        requestLimit: 3,
        expiresAt: T0 + 1,
      };
      expect(await bins.updateBin(changed, bin)).toEqual(changed);
      expect(await bins.getBin(bin.id)).toEqual(changed);
      // Written over settings that are no longer stored: nothing changes.
      const stale = { ...bin, requestLimit: 7 };
      expect(await bins.updateBin(stale, bin)).toBeNull();
      expect(await bins.getBin(bin.id)).toEqual(changed);
      const missing = binRecord(null);
      expect(await bins.updateBin(missing, missing)).toBeNull();
      expect(await bins.deleteBin(bin.id)).toBe(true);
      expect(await bins.getBin(bin.id)).toBeNull();
      expect(await bins.deleteBin(bin.id)).toBe(false);
    });

    it("refuses a bin past the app's cap of live bins; expired and unowned bins do not count", async () => {
      const app = await createApp(store);
      await bins.createBin(binRecord(app.id, { expiresAt: T0 }), LIMITS); // expired at T0
      for (let i = 0; i < 3; i++)
        expect(await bins.createBin(binRecord(app.id), LIMITS)).not.toBeNull();
      expect(await bins.createBin(binRecord(app.id), LIMITS)).toBeNull();
      for (let i = 0; i < 5; i++)
        expect(await bins.createBin(binRecord(null), LIMITS)).not.toBeNull();
      const other = await createApp(store);
      expect(await bins.createBin(binRecord(other.id), LIMITS)).not.toBeNull();
    });

    it("lists all bins, one app's, or the unowned ones, newest first, in pages", async () => {
      const a = await createApp(store);
      const b = await createApp(store);
      const made = [binRecord(a.id), binRecord(null), binRecord(b.id), binRecord(a.id)];
      for (const bin of made) await bins.createBin(bin, LIMITS);
      const ids = (list: Bin[]) => list.map((x) => x.id);
      expect(ids((await bins.listBins({}, page(10))).data)).toEqual(
        made.map((x) => x.id).reverse(),
      );
      expect(ids((await bins.listBins({ appId: a.id }, page(10))).data)).toEqual([
        made[3].id,
        made[0].id,
      ]);
      expect(ids((await bins.listBins({ appId: null }, page(10))).data)).toEqual([made[1].id]);
      const first = await bins.listBins({}, page(3));
      expect(first.nextCursor).not.toBeNull();
      const second = await bins.listBins({}, page(3, first.nextCursor));
      expect([...ids(first.data), ...ids(second.data)]).toEqual(made.map((x) => x.id).reverse());
      expect(second.nextCursor).toBeNull();
    });

    it('stores a request byte for byte, headers as ordered pairs, with an id that grows', async () => {
      const bin = binRecord(null);
      await bins.createBin(bin, LIMITS);
      const body = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      const first = await bins.insertRequest(
        requestRecord(bin.id, { body, bodySize: 1000, bodyTruncated: true }),
        10,
      );
      expect(first).not.toBeNull();
      const read = await bins.getRequest(bin.id, first!.id);
      expect(read).toEqual({
        ...requestRecord(bin.id, { body, bodySize: 1000, bodyTruncated: true }),
        id: first!.id,
      });
      expect(Buffer.isBuffer(read!.body) && read!.body.equals(body)).toBe(true);
      const second = await bins.insertRequest(requestRecord(bin.id), 10);
      expect(second!.id).toBeGreaterThan(first!.id);
      expect(await bins.getRequest('bin_other', first!.id)).toBeNull();
      expect(await bins.insertRequest(requestRecord('bin_unknown'), 10)).toBeNull();
    });

    it('keeps only the newest requests past the limit', async () => {
      const bin = binRecord(null);
      await bins.createBin(bin, LIMITS);
      const ids: number[] = [];
      for (let i = 0; i < 5; i++)
        ids.push((await bins.insertRequest(requestRecord(bin.id, { query: `n=${i}` }), 3))!.id);
      const kept = await bins.listRequests(bin.id, page(10));
      expect(kept.data.map((r) => r.id)).toEqual(ids.slice(2).reverse());
      expect(await bins.countRequests(bin.id)).toBe(3);
    });

    it('pages requests newest first, and reads them oldest first after an id', async () => {
      const bin = binRecord(null);
      const other = binRecord(null);
      await bins.createBin(bin, LIMITS);
      await bins.createBin(other, LIMITS);
      expect(await bins.latestRequestId(bin.id)).toBe(0);
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push((await bins.insertRequest(requestRecord(bin.id), 100))!.id);
        await bins.insertRequest(requestRecord(other.id), 100);
      }
      const first = await bins.listRequests(bin.id, page(2));
      const second = await bins.listRequests(bin.id, page(2, first.nextCursor));
      const third = await bins.listRequests(bin.id, page(2, second.nextCursor));
      expect([...first.data, ...second.data, ...third.data].map((r) => r.id)).toEqual(
        [...ids].reverse(),
      );
      expect(third.nextCursor).toBeNull();
      expect((await bins.requestsAfter(bin.id, ids[1], 2)).map((r) => r.id)).toEqual([
        ids[2],
        ids[3],
      ]);
      expect((await bins.requestsAfter(bin.id, 0, 100)).map((r) => r.id)).toEqual(ids);
      expect(await bins.latestRequestId(bin.id)).toBe(ids[4]);
    });

    it("deletes one request or all of a bin's, and never reuses an id", async () => {
      const bin = binRecord(null);
      await bins.createBin(bin, LIMITS);
      const a = (await bins.insertRequest(requestRecord(bin.id), 10))!;
      const b = (await bins.insertRequest(requestRecord(bin.id), 10))!;
      expect(await bins.deleteRequest(bin.id, b.id)).toBe(true);
      expect(await bins.deleteRequest(bin.id, b.id)).toBe(false);
      const c = (await bins.insertRequest(requestRecord(bin.id), 10))!;
      expect(c.id).toBeGreaterThan(b.id);
      expect(await bins.clearRequests(bin.id)).toBe(2);
      expect(await bins.countRequests(bin.id)).toBe(0);
      expect(await bins.getRequest(bin.id, a.id)).toBeNull();
    });

    it('purges bins expired before a time, with their requests', async () => {
      const old = binRecord(null, { expiresAt: T0 + 10 });
      const fresh = binRecord(null, { expiresAt: T0 + 1000 });
      await bins.createBin(old, LIMITS);
      await bins.createBin(fresh, LIMITS);
      const r = (await bins.insertRequest(requestRecord(old.id), 10))!;
      expect(await bins.purgeExpiredBins(T0 + 10)).toBe(0);
      expect(await bins.purgeExpiredBins(T0 + 11)).toBe(1);
      expect(await bins.getBin(old.id)).toBeNull();
      expect(await bins.getRequest(old.id, r.id)).toBeNull();
      expect(await bins.getBin(fresh.id)).not.toBeNull();
    });

    it("deletes an app's bins and their requests with the app; deleting a bin deletes its requests", async () => {
      const app = await createApp(store);
      const owned = binRecord(app.id);
      const loose = binRecord(null);
      await bins.createBin(owned, LIMITS);
      await bins.createBin(loose, LIMITS);
      const r = (await bins.insertRequest(requestRecord(owned.id), 10))!;
      const l = (await bins.insertRequest(requestRecord(loose.id), 10))!;
      expect(await store.deleteApp(app.id)).toBe(true);
      expect(await bins.getBin(owned.id)).toBeNull();
      expect(await bins.getRequest(owned.id, r.id)).toBeNull();
      expect(await bins.getBin(loose.id)).not.toBeNull();
      expect(await bins.deleteBin(loose.id)).toBe(true);
      expect(await bins.getRequest(loose.id, l.id)).toBeNull();
    });
  });
}
