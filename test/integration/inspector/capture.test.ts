import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpSender } from '../../../src/delivery/http-sender.js';
import { BIN_LIMITS } from '../../../src/inspector/bin-limits.js';
import type { BinRequestJson } from '../../../src/inspector/request-json.js';
import { removeDataDirs } from '../../helpers/hookline-app.js';
import {
  createAppWithKey,
  createBin,
  send,
  startInspectorHookline,
  type InspectorTest,
} from './harness.js';

let h: InspectorTest;

beforeEach(async () => {
  h = await startInspectorHookline();
});
afterEach(async () => {
  await h.close();
});
afterAll(removeDataDirs);

/** The requests a bin kept, newest first. */
async function captured(binId: string): Promise<BinRequestJson[]> {
  const res = await h.api('GET', `/api/v1/bins/${binId}/requests?limit=100`);
  expect(res.status).toBe(200);
  return res.body.data;
}

describe('capture fidelity', () => {
  it('creates a bin whose URL is the public URL plus /in/<id>', async () => {
    const bin = await createBin(h);
    expect(bin.id).toMatch(/^bin_[0-9A-Z]{26}$/);
    expect(bin.url).toBe(`${h.baseUrl}/in/${bin.id}`);
    const got = await h.api('GET', `/api/v1/bins/${bin.id}`);
    expect(got.body).toMatchObject({
      id: bin.id,
      appId: null,
      responseStatus: 200,
      responseBody: '',
      responseDelayMs: 0,
      requestLimit: 500,
      requestCount: 0,
      expired: false,
      expiresAt: new Date(h.clock.now() + 7 * 24 * 3600 * 1000).toISOString(),
    });
  });

  it('keeps a binary body byte for byte, and a UTF-8 body as text', async () => {
    const bin = await createBin(h);
    const binary = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(
      (
        await send(bin.url, 'POST', {
          headers: { 'content-type': 'application/octet-stream' },
          body: binary,
        })
      ).status,
    ).toBe(200);
    const text = '{"greeting":"héllo ✓"}';
    await send(bin.url, 'POST', { headers: { 'content-type': 'application/json' }, body: text });

    const [second, first] = await captured(bin.id);
    expect(first.bodyEncoding).toBe('base64');
    expect(Buffer.from(first.body, 'base64').equals(binary)).toBe(true);
    expect(first.bodySize).toBe(256);
    expect(first.bodyTruncated).toBe(false);
    expect(second).toMatchObject({
      bodyEncoding: 'utf8',
      body: text,
      bodySize: Buffer.byteLength(text),
    });
  });

  it('keeps repeated headers, in order, with their names as sent', async () => {
    const bin = await createBin(h);
    await send(bin.url, 'POST', {
      headers: ['X-Dup', 'one', 'x-dup', 'two', 'X-Other', '3', 'content-type', 'text/plain'],
      body: 'hi',
    });
    const [request] = await captured(bin.id);
    const custom = request.headers.filter(([name]) => /^x-/i.test(name));
    expect(custom).toEqual([
      ['X-Dup', 'one'],
      ['x-dup', 'two'],
      ['X-Other', '3'],
    ]);
    expect(request.headers).toContainEqual(['content-type', 'text/plain']);
    expect(request.remoteAddress).toMatch(/127\.0\.0\.1/);
    expect(request.receivedAt).toBe(new Date(h.clock.now()).toISOString());
  });

  it('captures every method, any path below the bin and the raw query', async () => {
    const bin = await createBin(h);
    const methods = [
      'GET',
      'HEAD',
      'POST',
      'PUT',
      'PATCH',
      'DELETE',
      'OPTIONS',
      'QUERY',
      'PROPFIND',
      'SEARCH',
      'PURGE',
    ];
    for (const method of methods) {
      const res = await send(`${bin.url}/v1/${method.toLowerCase()}?a=1&a=2&q=%20x`, method, {
        headers: { 'content-type': 'text/plain' },
        body: method === 'HEAD' ? undefined : `body of ${method}`,
      });
      expect(res.status, method).toBe(200);
    }
    const requests = (await captured(bin.id)).reverse();
    expect(requests.map((r) => r.method)).toEqual(methods);
    for (const r of requests) {
      expect(r.path).toBe(`/in/${bin.id}/v1/${r.method.toLowerCase()}`);
      expect(r.subpath).toBe(`/v1/${r.method.toLowerCase()}`);
      expect(r.query).toBe('a=1&a=2&q=%20x');
      expect(r.body).toBe(r.method === 'HEAD' ? '' : `body of ${r.method}`);
    }
  });

  it('captures the bare bin URL and a trailing slash', async () => {
    const bin = await createBin(h);
    await send(bin.url, 'POST', { body: 'a' });
    await send(`${bin.url}/`, 'POST', { body: 'b' });
    const [slash, bare] = await captured(bin.id);
    expect(bare).toMatchObject({ path: `/in/${bin.id}`, subpath: '', query: '' });
    expect(slash).toMatchObject({ path: `/in/${bin.id}/`, subpath: '/' });
  });

  it('takes any content type raw: odd, empty, or JSON that does not parse', async () => {
    const bin = await createBin(h);
    const cases: Array<[string, string]> = [
      ['weird', 'w'],
      ['', 'empty'],
      ['application/json', '{nope'],
      ['multipart/form-data; boundary=x', '--x--'],
    ];
    for (const [type, body] of cases) {
      expect(
        (await send(bin.url, 'PUT', { headers: { 'content-type': type }, body })).status,
        type,
      ).toBe(200);
    }
    const requests = (await captured(bin.id)).reverse();
    expect(requests.map((r) => r.body)).toEqual(cases.map(([, body]) => body));
    expect(requests.map((r) => r.headers.find(([n]) => n === 'content-type')?.[1])).toEqual(
      cases.map(([type]) => type),
    );
  });

  it('truncates a body above the cap and says so, keeping its full size', async () => {
    const bin = await createBin(h);
    const big = Buffer.alloc(BIN_LIMITS.bodyCapBytes + 1000, 0x61);
    expect((await send(bin.url, 'POST', { body: big })).status).toBe(200);
    const [request] = await captured(bin.id);
    expect(request.bodyTruncated).toBe(true);
    expect(request.bodySize).toBe(big.length);
    expect(request.body.length).toBe(BIN_LIMITS.bodyCapBytes);
    const exact = Buffer.alloc(BIN_LIMITS.bodyCapBytes, 0x62);
    await send(bin.url, 'POST', { body: exact });
    expect((await captured(bin.id))[0]).toMatchObject({
      bodyTruncated: false,
      bodySize: exact.length,
    });
  });
});

describe('what a bin answers', () => {
  it('answers with the configured status, body and content type', async () => {
    const bin = await createBin(h, {
      responseStatus: 503,
      responseBody: '{"busy":true}',
      responseContentType: 'application/json',
    });
    const res = await send(bin.url, 'POST', { body: 'x' });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body.toString()).toBe('{"busy":true}');
    const head = await send(bin.url, 'HEAD');
    expect(head.status).toBe(503);
    expect(head.body.length).toBe(0);
    expect(await captured(bin.id)).toHaveLength(2);
  });

  it('can be changed while in use', async () => {
    const bin = await createBin(h);
    const patched = await h.api('PATCH', `/api/v1/bins/${bin.id}`, {
      responseStatus: 500,
      responseBody: 'down',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      responseStatus: 500,
      responseBody: 'down',
      requestLimit: 500,
    });
    const res = await send(bin.url, 'POST', { body: 'x' });
    expect([res.status, res.body.toString()]).toEqual([500, 'down']);
  });

  it('waits the response delay before answering (a sender with a shorter timeout gives up), and keeps the request', async () => {
    // Wide margins both ways: on a loaded machine the request must still be sent before the
    // sender's timeout, and the delay must still outlast it.
    const bin = await createBin(h, { responseDelayMs: 3_000 });
    const sender = new HttpSender({ egress: 'public-and-loopback' });
    try {
      const result = await sender.send(
        { method: 'POST', url: bin.url, headers: {}, body: 'slow' },
        1_000,
      );
      expect(result.errorKind).toBe('timeout');
    } finally {
      await sender.close();
    }
    await expect
      .poll(async () => (await captured(bin.id)).map((r) => r.body), { timeout: 10_000 })
      .toEqual(['slow']);
  });
});

describe('limits and expiry', () => {
  it('answers 404 for an unknown bin and 410 once expired; expired bins stay readable, then are purged', async () => {
    expect((await send(`${h.baseUrl}/in/bin_NOPE`, 'POST', { body: 'x' })).status).toBe(404);
    const bin = await createBin(h, { expiresInSeconds: 60 });
    await send(bin.url, 'POST', { body: 'before' });
    h.clock.advance(59_999);
    expect((await send(bin.url, 'POST', { body: 'still' })).status).toBe(200);
    h.clock.advance(1);
    const gone = await send(bin.url, 'POST', { body: 'after' });
    expect(gone.status).toBe(410);
    expect(JSON.parse(gone.body.toString())).toMatchObject({ code: 'bin_expired' });
    expect((await h.api('GET', `/api/v1/bins/${bin.id}`)).body).toMatchObject({
      expired: true,
      requestCount: 2,
    });
    expect((await captured(bin.id)).map((r) => r.body)).toEqual(['still', 'before']);

    h.clock.advance(BIN_LIMITS.purgeAfterExpiryMs + 1);
    await createBin(h); // creating a bin purges the long-expired ones
    expect((await h.api('GET', `/api/v1/bins/${bin.id}`)).status).toBe(404);
    expect((await send(bin.url, 'POST', { body: 'x' })).status).toBe(404);
  });

  it('drops the oldest requests past the request limit', async () => {
    const bin = await createBin(h, { requestLimit: 3 });
    for (let i = 1; i <= 5; i++) await send(bin.url, 'POST', { body: `r${i}` });
    expect((await captured(bin.id)).map((r) => r.body)).toEqual(['r5', 'r4', 'r3']);
    expect((await h.api('GET', `/api/v1/bins/${bin.id}`)).body.requestCount).toBe(3);
  });

  it(`caps an app at ${BIN_LIMITS.maxLiveBinsPerApp} live bins; expired ones do not count`, async () => {
    const { apiKey } = await createAppWithKey(h);
    const first = await createBin(h, { expiresInSeconds: 60 }, apiKey);
    for (let i = 1; i < BIN_LIMITS.maxLiveBinsPerApp; i++) await createBin(h, {}, apiKey);
    const refused = await h.api('POST', '/api/v1/bins', {}, { token: apiKey });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('bin_limit_reached');
    h.clock.advance(60_000);
    expect(
      (await h.api('GET', `/api/v1/bins/${first.id}`, undefined, { token: apiKey })).body.expired,
    ).toBe(true);
    expect((await h.api('POST', '/api/v1/bins', {}, { token: apiKey })).status).toBe(201);
    // The admin's unowned bins are not an app's.
    expect((await h.api('POST', '/api/v1/bins', {})).status).toBe(201);
  });

  it('refuses invalid options with a 400 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ responseStatus: 700 }, 'responseStatus'],
      [{ responseStatus: 199 }, 'responseStatus'],
      [{ responseDelayMs: 30_001 }, 'responseDelayMs'],
      [{ requestLimit: 0 }, 'requestLimit'],
      [{ requestLimit: BIN_LIMITS.maxRequestLimit + 1 }, 'requestLimit'],
      [{ expiresInSeconds: 10 }, 'expiresInSeconds'],
      [{ responseBody: 'x'.repeat(BIN_LIMITS.maxResponseBodyChars + 1) }, 'responseBody'],
      [{ responseContentType: 'text/plain\r\nx-evil: 1' }, 'responseContentType'],
      [{ responseStatus: 204, responseBody: 'no' }, 'responseBody'],
      [{ appId: 'app_unknown' }, 'appId'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const res = await h.api('POST', '/api/v1/bins', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        res.body.details.map((d: { field: string }) => d.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    const bin = await createBin(h, { responseStatus: 204 });
    const patch = await h.api('PATCH', `/api/v1/bins/${bin.id}`, { responseBody: 'x' });
    expect([patch.status, patch.body.details[0].field]).toEqual([400, 'responseBody']);
    expect((await h.api('GET', `/api/v1/bins/${bin.id}/requests/abc`)).body.details[0].field).toBe(
      'requestId',
    );
  });
});

describe('managing bins and requests', () => {
  it('gets, deletes one request, clears them, and deletes the bin', async () => {
    const bin = await createBin(h);
    for (const body of ['a', 'b', 'c']) await send(bin.url, 'POST', { body });
    const [c, b] = await captured(bin.id);
    const one = await h.api('GET', `/api/v1/bins/${bin.id}/requests/${b.id}`);
    expect(one.body).toMatchObject({
      id: b.id,
      body: 'b',
      verification: { signed: false, verified: false, scheme: null },
    });
    expect((await h.api('DELETE', `/api/v1/bins/${bin.id}/requests/${b.id}`)).status).toBe(204);
    expect((await h.api('GET', `/api/v1/bins/${bin.id}/requests/${b.id}`)).status).toBe(404);
    expect((await captured(bin.id)).map((r) => r.id)).not.toContain(b.id);
    expect((await h.api('DELETE', `/api/v1/bins/${bin.id}/requests`)).body).toEqual({ deleted: 2 });
    expect(await captured(bin.id)).toEqual([]);
    expect(c.id).toBeGreaterThan(b.id);
    expect((await h.api('DELETE', `/api/v1/bins/${bin.id}`)).status).toBe(204);
    expect((await h.api('GET', `/api/v1/bins/${bin.id}`)).status).toBe(404);
    expect((await send(bin.url, 'POST', { body: 'x' })).status).toBe(404);
  });

  it('keeps apps apart: an app key creates and sees only its own bins', async () => {
    const a = await createAppWithKey(h, 'A');
    const b = await createAppWithKey(h, 'B');
    const binA = await createBin(h, {}, a.apiKey);
    const binB = await createBin(h, { appId: b.appId });
    const unowned = await createBin(h);
    expect(
      (await h.api('GET', `/api/v1/bins/${binA.id}`, undefined, { token: a.apiKey })).body.appId,
    ).toBe(a.appId);
    expect(
      (await h.api('GET', `/api/v1/bins/${binB.id}`, undefined, { token: b.apiKey })).body.appId,
    ).toBe(b.appId);
    for (const id of [binB.id, unowned.id]) {
      expect(
        (await h.api('GET', `/api/v1/bins/${id}`, undefined, { token: a.apiKey })).status,
      ).toBe(404);
      expect(
        (await h.api('GET', `/api/v1/bins/${id}/requests`, undefined, { token: a.apiKey })).status,
      ).toBe(404);
      expect(
        (await h.api('DELETE', `/api/v1/bins/${id}`, undefined, { token: a.apiKey })).status,
      ).toBe(404);
      expect(
        (await h.api('GET', `/api/v1/bins/${id}/stream`, undefined, { token: a.apiKey })).status,
      ).toBe(404);
    }
    const listA = await h.api('GET', '/api/v1/bins', undefined, { token: a.apiKey });
    expect(listA.body.data.map((x: { id: string }) => x.id)).toEqual([binA.id]);
    const all = await h.api('GET', '/api/v1/bins');
    expect(all.body.data.map((x: { id: string }) => x.id)).toEqual([unowned.id, binB.id, binA.id]);
    const onlyB = await h.api('GET', `/api/v1/bins?appId=${b.appId}`);
    expect(onlyB.body.data.map((x: { id: string }) => x.id)).toEqual([binB.id]);
    // An app key cannot place a bin in another app.
    const foreign = await h.api('POST', '/api/v1/bins', { appId: b.appId }, { token: a.apiKey });
    expect([foreign.status, foreign.body.details[0].field]).toEqual([400, 'appId']);
    // Deleting the app deletes its bins.
    expect((await h.api('DELETE', `/api/v1/apps/${a.appId}`)).status).toBe(204);
    expect((await h.api('GET', `/api/v1/bins/${binA.id}`)).status).toBe(404);
  });

  it('needs a token to manage bins, none to send to one', async () => {
    const bin = await createBin(h);
    const res = await send(`${h.baseUrl}/api/v1/bins/${bin.id}`, 'GET');
    expect(res.status).toBe(401);
    expect((await send(bin.url, 'POST', { body: 'x' })).status).toBe(200);
  });
});
