import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BotConnection, BotInvocation } from '../../../src/domain/bots.js';
import { newId } from '../../../src/lib/ids.js';
import type { Store } from '../../../src/store/store.js';
import { createApp, T0 } from '../fixtures.js';
import type { StoreHarness } from '../suite.js';

let serial = 0;
/** 24 hex characters, unique within a run. */
const connectionId = () =>
  (T0 / 1000).toString(16).padStart(8, '0') + (serial++).toString(16).padStart(16, '0');

export function connectionRecord(appId: string, over: Partial<BotConnection> = {}): BotConnection {
  return {
    id: connectionId(),
    appId,
    storyId: '634fef70c56fd000073f5730',
    storyName: null,
    name: 'Package tracking',
    url: 'http://127.0.0.1:9/bot',
    token: null,
    headers: {},
    auth: null,
    timeoutMs: null,
    error: null,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function invocationRecord(
  c: BotConnection,
  at: number,
  over: Partial<BotInvocation> = {},
): BotInvocation {
  return {
    id: newId('inv', at),
    appId: c.appId,
    connectionId: c.id,
    at,
    latencyMs: 12,
    statusCode: 200,
    outcome: 'ok',
    error: null,
    messageId: 'm-1',
    ...over,
  };
}

/**
 * The BotStore contract, run once per adapter (each adapter adds a `*.test.ts` calling this with
 * the same harness as its Store conformance suite).
 */
export function describeBotStoreConformance(name: string, harness: StoreHarness): void {
  describe(`BotStore conformance: ${name}`, () => {
    let store: Store | null = null;
    const s = () => {
      if (!store) throw new Error('no store open');
      return store;
    };
    const bots = () => s().bots;
    const page = (limit = 100, cursor: string | null = null) => ({ limit, cursor });

    beforeAll(async () => harness.setup?.());
    afterAll(async () => harness.teardown?.());
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(async () => {
      await store?.close();
      store = null;
    });

    it('creates a connection and reads it back, with every field', async () => {
      const app = await createApp(s());
      const c = connectionRecord(app.id, {
        token: 'secret-token',
        headers: { 'x-custom-header': 'value' },
        auth: { username: 'foo', password: 'bar' },
        timeoutMs: 2500,
      });
      expect(await bots().createConnection(c)).toEqual(c);
      expect(await bots().getConnection(app.id, c.id)).toEqual(c);
    });

    it('keeps tenants apart: another app neither reads, updates nor deletes it', async () => {
      const a = await createApp(s());
      const b = await createApp(s());
      const c = await bots().createConnection(connectionRecord(a.id));
      expect(await bots().getConnection(b.id, c.id)).toBeNull();
      expect(await bots().updateConnection({ ...c, appId: b.id, name: 'stolen' })).toBeNull();
      expect(await bots().deleteConnection(b.id, c.id)).toBe(false);
      expect(await bots().listConnections(b.id)).toEqual([]);
      expect(await bots().getConnection(a.id, c.id)).toEqual(c);
    });

    it("lists an app's connections oldest first", async () => {
      const app = await createApp(s());
      const second = await bots().createConnection(
        connectionRecord(app.id, { createdAt: T0 + 10 }),
      );
      const first = await bots().createConnection(connectionRecord(app.id, { createdAt: T0 }));
      expect((await bots().listConnections(app.id)).map((c) => c.id)).toEqual([
        first.id,
        second.id,
      ]);
    });

    it('replaces the mutable fields on update; unknown ids answer null', async () => {
      const app = await createApp(s());
      const c = await bots().createConnection(
        connectionRecord(app.id, { token: 't', auth: { username: 'u', password: 'p' } }),
      );
      const next: BotConnection = {
        ...c,
        name: 'Renamed',
        url: 'http://127.0.0.1:9/other',
        token: null,
        headers: { a: '1' },
        auth: null,
        timeoutMs: 300,
        updatedAt: T0 + 5,
      };
      expect(await bots().updateConnection(next)).toEqual(next);
      expect(await bots().getConnection(app.id, c.id)).toEqual(next);
      expect(await bots().updateConnection(connectionRecord(app.id))).toBeNull();
    });

    it("updates only from the version read, and leaves the invocations' error alone", async () => {
      const app = await createApp(s());
      const c = await bots().createConnection(connectionRecord(app.id));
      const error = { code: 'receiver_status' as const, message: 'status 500', at: T0 + 1 };
      await bots().recordInvocation(invocationRecord(c, T0 + 1), error);
      const renamed = { ...c, name: 'Renamed', updatedAt: T0 + 2 };
      const saved = await bots().updateConnection(renamed, c.updatedAt);
      expect(saved).toMatchObject({ name: 'Renamed', error });
      expect(await bots().updateConnection({ ...c, token: 'stale' }, c.updatedAt)).toBeNull();
      expect(await bots().getConnection(app.id, c.id)).toEqual(saved);
    });

    it('names a story with the connection that carries a name; every connection of it shows it', async () => {
      const app = await createApp(s());
      const other = await createApp(s());
      const unnamed = await bots().createConnection(connectionRecord(app.id));
      expect(unnamed.storyName).toBeNull();
      const named = await bots().createConnection(connectionRecord(app.id, { storyName: 'Foo' }));
      expect(named.storyName).toBe('Foo');
      expect((await bots().getConnection(app.id, unnamed.id))?.storyName).toBe('Foo');
      // Another app's story with the same id is its own.
      const elsewhere = await bots().createConnection(connectionRecord(other.id));
      expect((await bots().getConnection(other.id, elsewhere.id))?.storyName).toBeNull();
      // Renamed through an update; an update without a name leaves it.
      expect(
        (await bots().updateConnection({ ...unnamed, storyName: 'Bar', updatedAt: T0 + 1 }))
          ?.storyName,
      ).toBe('Bar');
      expect((await bots().updateConnection({ ...named, storyName: null }))?.storyName).toBe('Bar');
      expect((await bots().listConnections(app.id)).map((c) => c.storyName)).toEqual([
        'Bar',
        'Bar',
      ]);
    });

    it('records invocations newest first, paged', async () => {
      const app = await createApp(s());
      const c = await bots().createConnection(connectionRecord(app.id));
      const made = [];
      for (let i = 0; i < 5; i++) {
        const inv = invocationRecord(c, T0 + i * 1000, { messageId: `m-${i}` });
        await bots().recordInvocation(inv, null);
        made.push(inv);
      }
      const first = await bots().listInvocations(app.id, c.id, page(2));
      expect(first.data).toEqual([made[4], made[3]]);
      expect(first.nextCursor).not.toBeNull();
      const second = await bots().listInvocations(app.id, c.id, page(2, first.nextCursor));
      expect(second.data).toEqual([made[2], made[1]]);
      const third = await bots().listInvocations(app.id, c.id, page(2, second.nextCursor));
      expect(third).toEqual({ data: [made[0]], nextCursor: null });
      expect((await bots().listInvocations('app_other', c.id, page())).data).toEqual([]);
    });

    it('a failed invocation sets the connection error; the next success clears it', async () => {
      const app = await createApp(s());
      const c = await bots().createConnection(connectionRecord(app.id));
      const error = {
        code: 'reply_timeout',
        message: 'the receiver did not answer within 10000 ms',
        at: T0 + 1,
      };
      await bots().recordInvocation(
        invocationRecord(c, T0 + 1, {
          outcome: 'reply_timeout',
          statusCode: null,
          error: error.message,
        }),
        error,
      );
      expect(await bots().getConnection(app.id, c.id)).toEqual({ ...c, error });
      await bots().recordInvocation(invocationRecord(c, T0 + 2), null);
      expect(await bots().getConnection(app.id, c.id)).toEqual({ ...c, error: null });
      const outcomes = (await bots().listInvocations(app.id, c.id, page())).data.map((i) => [
        i.outcome,
        i.statusCode,
        i.error,
      ]);
      expect(outcomes).toEqual([
        ['ok', 200, null],
        ['reply_timeout', null, error.message],
      ]);
    });

    it('an invocation of a connection deleted meanwhile records nothing', async () => {
      const app = await createApp(s());
      const c = await bots().createConnection(connectionRecord(app.id));
      expect(await bots().deleteConnection(app.id, c.id)).toBe(true);
      await bots().recordInvocation(invocationRecord(c, T0), {
        code: 'reply_invalid',
        message: 'x',
        at: T0,
      });
      expect(await bots().getConnection(app.id, c.id)).toBeNull();
      expect((await bots().listInvocations(app.id, c.id, page())).data).toEqual([]);
    });

    it('deleting a connection deletes its invocations; deleting an app deletes its connections', async () => {
      const app = await createApp(s());
      const gone = await bots().createConnection(connectionRecord(app.id));
      const kept = await bots().createConnection(connectionRecord(app.id));
      await bots().recordInvocation(invocationRecord(gone, T0), null);
      await bots().recordInvocation(invocationRecord(kept, T0), null);
      expect(await bots().deleteConnection(app.id, gone.id)).toBe(true);
      expect(await bots().deleteConnection(app.id, gone.id)).toBe(false);
      expect((await bots().listInvocations(app.id, gone.id, page())).data).toEqual([]);
      expect((await bots().listInvocations(app.id, kept.id, page())).data).toHaveLength(1);

      expect(await s().deleteApp(app.id)).toBe(true);
      expect(await bots().listConnections(app.id)).toEqual([]);
      expect(await bots().getConnection(app.id, kept.id)).toBeNull();
      expect((await bots().listInvocations(app.id, kept.id, page())).data).toEqual([]);
    });
  });
}
