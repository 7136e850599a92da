import { expect, it } from 'vitest';
import { newId } from '../../../src/lib/ids.js';
import { idsBefore } from '../../../src/store/ids-before.js';
import { connectionRecord, invocationRecord } from '../bots/bot-suite.js';
import type { PurgeProgress, PurgeRequest, Store } from '../../../src/store/store.js';
import {
  allDeliveries,
  attemptOf,
  claim,
  createApp,
  createEndpoint,
  record,
  send,
  T0,
  WINDOW_MS,
} from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

const DAY = 24 * 60 * 60 * 1000;
const CUTOFF = T0 + 10 * DAY;

/** Runs steps of `step` until the pass is done; sums what they did. */
async function wholePass(
  step: (r: PurgeRequest) => Promise<PurgeProgress>,
  before: number,
  limit = 2,
): Promise<PurgeProgress> {
  const sum = { messages: 0, deliveries: 0, attempts: 0, next: null };
  let after: PurgeRequest['after'] = null;
  do {
    const p = await step({ before, limit, after, now: CUTOFF });
    sum.messages += p.messages;
    sum.deliveries += p.deliveries;
    sum.attempts += p.attempts;
    after = p.next;
  } while (after !== null);
  return sum;
}

/**
 * Retention: settled messages before the cutoff go with their deliveries and attempts; pending,
 * retrying and in-flight work is never touched; payloads may be dropped earlier.
 */
export function retentionCases({ store, peer, hasPeers }: SuiteContext): void {
  /**
   * Old messages in every state, to two endpoints (one later disabled, holding its delivery), and
   * a new settled one. Returns the message ids by what they should become.
   */
  async function history(s: Store = store()) {
    const app = await createApp(s);
    const ep = await createEndpoint(s, app.id);
    const off = await createEndpoint(s, app.id);
    const at = (n: number) => T0 + n * 1000;
    const ids: Record<string, string> = {};
    const names = ['succeeded', 'failed', 'retrying', 'inFlight', 'pending'] as const;
    for (const [i, name] of names.entries())
      ids[name] = (await send(s, app.id, { createdAt: at(i), endpointId: ep.id })).message.id;
    // Held: parked when its endpoint was disabled.
    ids.held = (await send(s, app.id, { createdAt: at(6), endpointId: off.id })).message.id;
    await s.updateEndpoint({ ...off, disabled: true, updatedAt: at(7) });
    const claims = await claim(s, at(10));
    const of = (name: string) => claims.find((c) => c.message.id === ids[name])!;
    await record(s, of('succeeded'), 'succeeded', at(11));
    await record(s, of('failed'), 'failed', at(11));
    await record(s, of('retrying'), 'retry', at(11), CUTOFF + DAY);
    // Given back, due after the cutoff: pending, not settled.
    const pending = of('pending');
    await s.releaseDeliveries([
      {
        deliveryId: pending.delivery.id,
        leaseToken: pending.leaseToken,
        nextAttemptAt: CUTOFF + DAY,
      },
    ]);
    // An app without endpoints: its message has no delivery at all.
    const bare = await createApp(s);
    ids.noDeliveries = (await send(s, bare.id, { createdAt: at(21) })).message.id;
    ids.recent = (await send(s, app.id, { createdAt: CUTOFF + 1, endpointId: ep.id })).message.id;
    for (const c of await claim(s, CUTOFF + 2))
      if (c.message.id === ids.recent) await record(s, c, 'succeeded', CUTOFF + 2);
    const appOf = (name: string) => (name === 'noDeliveries' ? bare.id : app.id);
    return { app, ep, off, ids, appOf };
  }
  const exists = async (h: Awaited<ReturnType<typeof history>>, name: string) =>
    (await store().getMessage(h.appOf(name), h.ids[name])) !== null;

  it('deletes settled messages before the cutoff with their deliveries and attempts, nothing else', async () => {
    const h = await history();
    const { app, ids } = h;
    const before = await allDeliveries(store(), app.id);
    // Held while its endpoint is disabled: settled once past retention.
    expect(before.find((d) => d.messageId === ids.held)?.state).toBe('held');
    const purged = await wholePass((r) => store().purgeMessages(r), CUTOFF);
    const gone = ['succeeded', 'failed', 'held', 'noDeliveries'];
    expect(purged.messages).toBe(gone.length);
    expect(purged.attempts).toBe(2);
    for (const name of gone) expect(await exists(h, name)).toBe(false);
    for (const name of ['retrying', 'inFlight', 'pending', 'recent'])
      expect(await exists(h, name)).toBe(true);
    const after = await allDeliveries(store(), app.id);
    expect(purged.deliveries).toBe(before.length - after.length);
    // The unsettled ones are exactly as they were.
    const kept = before.filter((d) => after.some((a) => a.id === d.id));
    expect(after).toEqual(kept);
    expect(after.map((d) => d.state).sort()).toEqual([
      'delivering',
      'pending',
      'pending',
      'succeeded',
    ]);
    const attempts = await store().listAttempts(
      app.id,
      { messageId: ids.succeeded },
      { limit: 10, cursor: null },
    );
    expect(attempts.data).toEqual([]);
    // A second pass finds nothing more.
    expect((await wholePass((r) => store().purgeMessages(r), CUTOFF)).messages).toBe(0);
  });

  it('frees the idempotency key and the webhook_id mapping with the message', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    const first = await send(store(), app.id, {
      idempotencyKey: 'k1',
      reportKey: 'r1',
      endpointId: ep.id,
    });
    for (const c of await claim(store(), T0)) await record(store(), c, 'succeeded', T0);
    await wholePass((r) => store().purgeMessages(r), CUTOFF);
    expect(await store().getMessageByIdempotencyKey(app.id, 'k1')).toBeNull();
    const again = await send(
      store(),
      app.id,
      { idempotencyKey: 'k1', createdAt: T0 + 1 },
      100 * DAY,
    );
    expect(again.created).toBe(true);
    expect(again.message.id).not.toBe(first.message.id);
    // Without its mapping, a report for 'r1' no longer follows the old endpoint: it fans out.
    const report = await send(store(), app.id, { reportKey: 'r1', createdAt: T0 + 2 });
    expect(report.message.endpointId).toBeNull();
  });

  it('drops payloads of settled messages only, and keeps their metadata', async () => {
    const { app, ids } = await history();
    const dropped = await wholePass((r) => store().dropPayloads(r), CUTOFF);
    expect(dropped.messages).toBe(4);
    const m = await store().getMessage(app.id, ids.succeeded);
    expect(m).toMatchObject({
      payload: '{}',
      payloadDroppedAt: CUTOFF,
      eventType: 'message.delivered',
    });
    for (const name of ['retrying', 'inFlight', 'pending', 'recent']) {
      const kept = await store().getMessage(app.id, ids[name]);
      expect(kept?.payload).toBe('{"ok":true}');
      expect(kept?.payloadDroppedAt ?? null).toBeNull();
    }
    expect((await wholePass((r) => store().dropPayloads(r), CUTOFF)).messages).toBe(0);
    const deliveries = await allDeliveries(store(), app.id, { messageId: ids.succeeded });
    expect(deliveries).toHaveLength(1);
  });

  it('deletes rollups, recover runs and test attempts older than the cutoff', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    await send(store(), app.id, { createdAt: T0 });
    await send(store(), app.id, { createdAt: CUTOFF + 1 });
    const [old] = await claim(store(), T0);
    await record(store(), old, 'succeeded', T0);
    const [recent] = await claim(store(), CUTOFF + 1);
    await record(store(), recent, 'succeeded', CUTOFF + 1);
    await store().insertAttempt({ ...attemptOf(old, T0), deliveryId: null, test: true });
    await store().insertAttempt({ ...attemptOf(old, CUTOFF + 1), deliveryId: null, test: true });
    const request = {
      since: T0,
      until: T0 + 1,
      states: ['failed' as const],
      limit: 10,
      idempotencyWindowMs: WINDOW_MS,
    };
    await store().recoverEndpoint(app.id, ep.id, request, T0);
    await store().recoverEndpoint(app.id, ep.id, { ...request, until: T0 + 2 }, CUTOFF + 1);
    let deleted = 0;
    for (let n; (n = await store().purgeHistory(CUTOFF, 1)) > 0;) deleted += n;
    // A minute and an hour rollup, one run, one test attempt.
    expect(deleted).toBe(4);
    const series = await store().statsSeries({
      appId: app.id,
      resolution: 'minute',
      since: 0,
      until: CUTOFF * 2,
    });
    expect(series.map((b) => b.start)).toEqual([CUTOFF + 1 - ((CUTOFF + 1) % 60_000)]);
    const tests = await store().listAttempts(app.id, { test: true }, { limit: 10, cursor: null });
    expect(tests.data.map((a) => a.at)).toEqual([CUTOFF + 1]);
  });

  it('deletes bot invocations made before the cutoff and portal sessions ended before it', async () => {
    const app = await createApp(store());
    const bot = await store().bots.createConnection(connectionRecord(app.id));
    // Ids as newId('inv', at) makes them, spelled out: the process's ULID clock is past T0 already.
    for (const at of [T0, CUTOFF - 1, CUTOFF, CUTOFF + 1])
      await store().bots.recordInvocation(
        invocationRecord(bot, at, { id: `${idsBefore('inv', at)}${'0'.repeat(15)}1` }),
        null,
      );
    const session = (linkExpiresAt: number, expiresAt: number | null) =>
      store().portal.createSession({
        id: newId('ps', T0),
        appId: app.id,
        linkHash: `link-${linkExpiresAt}-${expiresAt}`,
        linkExpiresAt,
        sessionHash: expiresAt === null ? null : `session-${expiresAt}`,
        sessionTtlMs: 1000,
        expiresAt,
        theme: {},
        createdAt: T0,
        redeemedAt: expiresAt === null ? null : T0,
      });
    await session(CUTOFF - 1, null); // link never used, expired before the cutoff: goes
    await session(CUTOFF - 1, CUTOFF + 5); // opened, still live after the cutoff: stays
    await session(CUTOFF + 5, null); // link still usable: stays
    await session(T0, CUTOFF - 1); // opened, ended before the cutoff: goes
    let deleted = 0;
    for (let n; (n = await store().purgeHistory(CUTOFF, 1)) > 0;) deleted += n;
    expect(deleted).toBe(4);
    const left = await store().bots.listInvocations(app.id, bot.id, { limit: 10, cursor: null });
    expect(left.data.map((i) => i.at).sort()).toEqual([CUTOFF, CUTOFF + 1]);
    expect(await store().portal.getSessionByHash(`session-${CUTOFF + 5}`)).not.toBeNull();
    expect(await store().portal.getSessionByHash(`session-${CUTOFF - 1}`)).toBeNull();
  });

  it('reclaimSpace answers a page count, never more than asked', async () => {
    const pages = await store().reclaimSpace(10);
    expect(pages).toBeGreaterThanOrEqual(0);
    expect(pages).toBeLessThanOrEqual(10);
  });

  it('several purgers at once delete each settled message once and nothing else', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    for (let i = 0; i < 30; i++)
      await send(store(), app.id, { createdAt: T0 + i, endpointId: ep.id });
    const claims = await claim(store(), T0 + 100);
    for (const [i, c] of claims.entries())
      await record(store(), c, i % 3 === 0 ? 'retry' : 'succeeded', T0 + 100, CUTOFF + DAY);
    const purgers = hasPeers ? [store(), await peer(), await peer()] : [store(), store(), store()];
    const passes = await Promise.all(
      purgers.map((s) => wholePass((r) => s.purgeMessages(r), CUTOFF, 3)),
    );
    expect(passes.reduce((n, p) => n + p.messages, 0)).toBe(20);
    const left = await allDeliveries(store(), app.id);
    expect(left).toHaveLength(10);
    expect(new Set(left.map((d) => d.state))).toEqual(new Set(['pending']));
  });
}
