import { expect, it } from 'vitest';
import { HooklineError } from '../../../src/lib/errors.js';
import {
  createApp,
  createEndpoint,
  endpointRecord,
  messageRecord,
  T0,
  WINDOW_MS,
} from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

const codeOf = (call: Promise<unknown>) =>
  call.then(
    () => 'ok',
    (e: unknown) => (e instanceof HooklineError ? e.code : String(e)),
  );

/** Svix-style uids: unique per kind (endpoints within their app), found and changed like any field. */
export function uidCases({ store, peer, hasPeers }: SuiteContext): void {
  it('finds apps and endpoints by uid, and keeps it through updates', async () => {
    const app = await createApp(store(), { uid: 'acme' });
    expect(await store().getAppByUid('acme')).toEqual(app);
    expect(await store().getAppByUid('nobody')).toBeNull();
    const endpoint = await createEndpoint(store(), app.id, { uid: 'main' });
    expect(await store().getEndpointByUid(app.id, 'main')).toEqual(endpoint);
    const renamed = { ...endpoint, uid: 'primary', updatedAt: T0 + 1 };
    await store().updateEndpoint(renamed);
    expect(await store().getEndpointByUid(app.id, 'main')).toBeNull();
    expect(await store().getEndpointByUid(app.id, 'primary')).toEqual(renamed);
    await store().updateApp({ ...app, uid: null, updatedAt: T0 + 1 });
    expect(await store().getAppByUid('acme')).toBeNull();
  });

  it('refuses a uid another app holds, on create and on update, as uid_taken', async () => {
    const first = await createApp(store(), { uid: 'taken' });
    const other = await createApp(store());
    const again = hasPeers ? await peer() : store();
    expect(await codeOf(createApp(again, { uid: 'taken' }))).toBe('uid_taken');
    expect(await codeOf(again.updateApp({ ...other, uid: 'taken', updatedAt: T0 + 1 }))).toBe(
      'uid_taken',
    );
    expect((await store().getAppByUid('taken'))?.id).toBe(first.id);
  });

  it('scopes endpoint uids to their app', async () => {
    const a = await createApp(store());
    const b = await createApp(store());
    const ea = await createEndpoint(store(), a.id, { uid: 'main' });
    const eb = await createEndpoint(store(), b.id, { uid: 'main' });
    expect((await store().getEndpointByUid(a.id, 'main'))?.id).toBe(ea.id);
    expect((await store().getEndpointByUid(b.id, 'main'))?.id).toBe(eb.id);
    expect(await codeOf(store().createEndpoint(endpointRecord(a.id, { uid: 'main' })))).toBe(
      'uid_taken',
    );
  });

  it('finds a message by its idempotency key while the key is held', async () => {
    const app = await createApp(store());
    const { message } = await store().insertMessage(
      messageRecord(app.id, { idempotencyKey: 'order-7' }),
      WINDOW_MS,
    );
    expect((await store().getMessageByIdempotencyKey(app.id, 'order-7'))?.id).toBe(message.id);
    expect(await store().getMessageByIdempotencyKey(app.id, 'order-8')).toBeNull();
  });
}
