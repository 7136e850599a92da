import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDirs, startHookline, type TestHookline } from '../helpers/hookline-app.js';

// The server built by createApp (what `hookline serve` runs) mounts every feature's routes.
describe('feature routes are mounted by createApp', () => {
  let h: TestHookline;
  let apiKey = '';

  beforeAll(async () => {
    h = await startHookline();
    apiKey = (await h.api('POST', '/api/v1/apps', { name: 'Routes' })).body.apiKey;
  });
  afterAll(async () => {
    await h.close();
    removeDataDirs();
  });

  it('serves the bot connections API', async () => {
    const res = await h.api('GET', '/v2/integrations/webhook', undefined, { token: apiKey });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });

  it('serves bins, typed events, the event catalog and the Viber API', async () => {
    expect((await h.api('POST', '/api/v1/bins', {})).status).toBe(201);
    expect((await h.api('GET', '/api/v1/event-catalog')).status).toBe(200);
    const viber = await h.api(
      'POST',
      '/pa/get_account_info',
      {},
      { headers: { 'x-viber-auth-token': 'nope' } },
    );
    expect(viber.status).toBe(200);
    expect(viber.body).toMatchObject({ status: 2 });
  });
});
