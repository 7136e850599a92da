import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDirs, startHookline, type TestHookline } from '../helpers/hookline-app.js';

/** The native API sets and clears an app's uid; the Svix-compatible API then finds it by uid. */
describe('app uids on the native API', () => {
  let h: TestHookline;
  beforeAll(async () => {
    h = await startHookline();
  });
  afterAll(async () => {
    await h.close();
    removeDataDirs();
  });

  it('creates, renames and clears a uid, and refuses one taken or shaped like an id', async () => {
    const created = await h.api('POST', '/api/v1/apps', { name: 'Acme', uid: 'acme' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ uid: 'acme', name: 'Acme' });
    const id = created.body.id as string;
    expect((await h.api('GET', '/api/v1/app/acme')).body).toMatchObject({ id, uid: 'acme' });

    const taken = await h.api('POST', '/api/v1/apps', { name: 'Other', uid: 'acme' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'uid_taken', details: [{ field: 'uid' }] });
    const idShaped = await h.api('POST', '/api/v1/apps', { name: 'X', uid: 'app_123' });
    expect(idShaped.status).toBe(400);
    expect(idShaped.body.details).toEqual([expect.objectContaining({ field: 'uid' })]);
    const badChars = await h.api('POST', '/api/v1/apps', { name: 'X', uid: 'a/b' });
    expect(badChars.status).toBe(400);
    expect(JSON.stringify(badChars.body)).toContain('uid');

    const renamed = await h.api('PATCH', `/api/v1/apps/${id}`, { uid: 'acme-eu' });
    expect(renamed.body).toMatchObject({ uid: 'acme-eu', name: 'Acme' });
    const kept = await h.api('PATCH', `/api/v1/apps/${id}`, { name: 'Acme EU' });
    expect(kept.body).toMatchObject({ uid: 'acme-eu', name: 'Acme EU' });
    const cleared = await h.api('PATCH', `/api/v1/apps/${id}`, { uid: null });
    expect(cleared.body.uid).toBeNull();
    expect((await h.api('GET', '/api/v1/app/acme-eu')).status).toBe(404);
    // The uid is free again for another app.
    expect((await h.api('POST', '/api/v1/apps', { name: 'New', uid: 'acme' })).status).toBe(201);
  });
});
