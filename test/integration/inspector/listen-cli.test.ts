import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../helpers/built-dist.js';
import { closedPort } from '../../helpers/free-port.js';
import { ADMIN_TOKEN, removeDataDirs } from '../../helpers/hookline-app.js';
import { TcpProxy } from '../../helpers/tcp-proxy.js';
import { runCli, type CliProcess } from './cli-process.js';
import { createBin, send, startInspectorHookline, type InspectorTest } from './harness.js';
import { startTarget, type TargetServer } from './target-server.js';

let h: InspectorTest;
let target: TargetServer;
const running: CliProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];

beforeAll(() => ensureBuilt(), 180_000);
beforeEach(async () => {
  h = await startInspectorHookline();
  target = await startTarget();
});
afterEach(async () => {
  for (const cli of running.splice(0)) await cli.stop();
  for (const clean of cleanups.splice(0)) await clean();
  await target.close();
  await h.close();
});
afterAll(removeDataDirs);

function listen(args: string[], apiUrl = h.baseUrl): CliProcess {
  const cli = runCli(['--url', apiUrl, '--token', ADMIN_TOKEN, 'listen', ...args]);
  running.push(cli);
  return cli;
}

/** Starts `hookline listen` on a new bin; returns the bin's public URL once the stream is up. */
async function listening(cli: CliProcess): Promise<{ id: string; url: string }> {
  const line = await cli.waitForLine(/^Bin bin_\S+: http/);
  const [, id, url] = /^Bin (bin_\S+): (\S+)$/.exec(line)!;
  await cli.waitForLine(/^Forwarding every request to /);
  await cli.waitForLine(/^Connected; waiting for requests$/);
  return { id, url };
}

const LINE = /^\d\d:\d\d:\d\d {2}(\S+)\s+(\S+)\s+-> (.+?) {2}(\d+) ms/;

describe('hookline listen (a real child process)', () => {
  it('creates a bin, prints its URL, and forwards every capture live with method, path, headers and body kept', async () => {
    const cli = listen(['--forward', `${target.url}/webhooks?from=hookline`]);
    const bin = await listening(cli);
    expect(bin.url).toBe(`${h.baseUrl}/in/${bin.id}`);

    const standard =
      '{"type":"message.status","timestamp":"2026-01-15T09:31:02.886Z","data":{"status":"delivered"}}';
    await send(`${bin.url}/viber/status?tenant=7&tenant=8`, 'POST', {
      headers: [
        'Content-Type',
        'application/json',
        'X-Dup',
        'one',
        'X-Dup',
        'two',
        'webhook-id',
        'msg_1',
      ],
      body: standard,
    });
    const binary = Buffer.from([0, 1, 2, 253, 254, 255]);
    await send(bin.url, 'PUT', {
      headers: { 'content-type': 'application/octet-stream' },
      body: binary,
    });
    await send(`${bin.url}/ping`, 'GET');

    const forwarded = await target.waitFor(3);
    const [first, second, third] = forwarded;
    expect(first.method).toBe('POST');
    expect(first.url).toBe('/webhooks/viber/status?from=hookline&tenant=7&tenant=8');
    expect(first.body.toString()).toBe(standard);
    const pairs = (raw: string[]) =>
      raw.reduce<string[][]>((acc, v, i) => (i % 2 ? acc : [...acc, [v, raw[i + 1]]]), []);
    expect(pairs(first.rawHeaders).filter(([n]) => n.toLowerCase() === 'x-dup')).toEqual([
      ['X-Dup', 'one'],
      ['X-Dup', 'two'],
    ]);
    expect(pairs(first.rawHeaders)).toContainEqual(['webhook-id', 'msg_1']);
    expect(pairs(first.rawHeaders)).toContainEqual(['Content-Type', 'application/json']);
    expect(second.method).toBe('PUT');
    expect(second.url).toBe('/webhooks?from=hookline');
    expect(second.body.equals(binary)).toBe(true);
    expect([third.method, third.url, third.body.length]).toEqual([
      'GET',
      '/webhooks/ping?from=hookline',
      0,
    ]);

    await cli.waitForLine(/GET/);
    const lines = cli.lines.filter((l) => LINE.test(l)).map((l) => LINE.exec(l)!.slice(1, 4));
    expect(lines).toEqual([
      ['POST', 'message.status', '202'],
      ['PUT', '-', '202'],
      ['GET', '-', '202'],
    ]);
  });

  it('reports a down target per request and keeps going; forwards again once it is up', async () => {
    const port = await closedPort();
    const cli = listen(['--forward', `http://127.0.0.1:${port}/hook`, '--timeout', '2000']);
    const bin = await listening(cli);
    await send(bin.url, 'POST', { body: 'first' });
    await cli.waitForLine(/POST\s+-\s+-> failed: .*ECONNREFUSED/);
    await send(bin.url, 'DELETE', { body: 'second' });
    await cli.waitForLine(/DELETE\s+-\s+-> failed: .*ECONNREFUSED/);

    const late = await startTarget(port);
    cleanups.push(() => late.close());
    await send(bin.url, 'PATCH', { body: 'third' });
    const [got] = await late.waitFor(1);
    expect([got.method, got.body.toString()]).toEqual(['PATCH', 'third']);
    await cli.waitForLine(/PATCH\s+-\s+-> 202/);
    expect(cli.child.exitCode).toBeNull();
  });

  it('reconnects when the stream drops and forwards what was captured meanwhile, once', async () => {
    const proxy = await new TcpProxy(Number(new URL(h.baseUrl).port)).start();
    cleanups.push(() => proxy.stop());
    const cli = listen(['--forward', target.url], `http://127.0.0.1:${proxy.port}`);
    const bin = await listening(cli);
    await send(bin.url, 'POST', { body: 'before' });
    await target.waitFor(1);

    await proxy.cut();
    await cli.waitForLine(/^Stream dropped/);
    await send(bin.url, 'POST', { body: 'during' });
    await proxy.restore();
    await cli.waitForLine(/^Reconnected$/);
    await target.waitFor(2);
    await send(bin.url, 'POST', { body: 'after' });
    await target.waitFor(3);
    expect(target.received.map((r) => r.body.toString())).toEqual(['before', 'during', 'after']);
  });

  it('attaches to an existing bin with --bin and forwards only what arrives from then on', async () => {
    const bin = await createBin(h);
    await send(bin.url, 'POST', { body: 'old' });
    const cli = listen(['--forward', target.url, '--bin', bin.id]);
    const printed = await listening(cli);
    expect(printed).toEqual({ id: bin.id, url: bin.url });
    await send(bin.url, 'POST', { body: 'new' });
    await target.waitFor(1);
    expect(target.received.map((r) => r.body.toString())).toEqual(['new']);
  });

  it('exits cleanly on Ctrl-C, saying how to attach again', async () => {
    const cli = listen(['--forward', target.url]);
    const bin = await listening(cli);
    await send(bin.url, 'POST', { body: 'x' });
    await target.waitFor(1);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.lines).toContain(
      cli.lines.find(
        (l) =>
          l.startsWith(`Stopped. Bin ${bin.id} keeps capturing until `) &&
          l.endsWith(`--bin ${bin.id}`),
      ),
    );
  });

  it('stops with an error when the bin is deleted, unknown, or the forward URL is invalid', async () => {
    const cli = listen(['--forward', target.url]);
    const bin = await listening(cli);
    await send(bin.url, 'POST', { body: 'x' });
    await target.waitFor(1);
    await h.api('DELETE', `/api/v1/bins/${bin.id}`);
    expect((await cli.exited).code).toBe(1);
    expect(cli.lines).toContain(`Bin ${bin.id} was deleted.`);

    const unknown = listen(['--forward', target.url, '--bin', 'bin_nope']);
    expect((await unknown.exited).code).toBe(1);
    expect(unknown.lines.join('\n')).toMatch(/bin bin_nope not found/);

    const invalid = listen(['--forward', 'ftp://example.test/x']);
    expect((await invalid.exited).code).toBe(1);
    expect(invalid.lines.join('\n')).toMatch(/--forward.*expected an http or https URL/);
  });
});

describe('hookline simulate (a real child process)', () => {
  it('sends a signed sample through the API and prints the result', async () => {
    const app = await h.api('POST', '/api/v1/apps', { name: 'Shop' });
    const t = await h.api('POST', `/api/v1/apps/${app.body.id}/test-endpoint`, {
      format: 'business',
    });
    const cli = runCli([
      '--url',
      h.baseUrl,
      '--token',
      app.body.apiKey,
      'simulate',
      app.body.id,
      t.body.endpoint.id,
      'message.status',
      '--overrides',
      '{"status":"read"}',
    ]);
    running.push(cli);
    expect((await cli.exited).code).toBe(0);
    expect(cli.lines[0]).toBe(`POST ${t.body.bin.url}`);
    expect(cli.lines[1]).toMatch(/^-> 200 in \d+ ms$/);
    const [captured] = (await h.api('GET', `/api/v1/bins/${t.body.bin.id}/requests`)).body.data;
    expect(JSON.parse(captured.body)).toMatchObject({
      event: 'viber:message:status',
      payload: { status: 'read' },
    });

    const refused = runCli([
      '--url',
      h.baseUrl,
      '--token',
      app.body.apiKey,
      'simulate',
      app.body.id,
      t.body.endpoint.id,
      'nope.nope',
    ]);
    running.push(refused);
    expect((await refused.exited).code).toBe(1);
    expect(refused.lines.join('\n')).toMatch(/eventType: unknown event type/);
  });

  it("finds the endpoint's app when only <endpointId> <eventType> are given", async () => {
    const other = await h.api('POST', '/api/v1/apps', { name: 'Other' });
    const app = await h.api('POST', '/api/v1/apps', { name: 'Shop' });
    const t = await h.api('POST', `/api/v1/apps/${app.body.id}/test-endpoint`, {});
    const cli = runCli([
      '--url',
      h.baseUrl,
      '--token',
      ADMIN_TOKEN,
      'simulate',
      t.body.endpoint.id,
      'message.status',
    ]);
    running.push(cli);
    expect((await cli.exited).code).toBe(0);
    expect(cli.lines[0]).toBe(`POST ${t.body.bin.url}`);
    expect(other.body.id).not.toBe(app.body.id);

    const missing = runCli([
      '--url',
      h.baseUrl,
      '--token',
      ADMIN_TOKEN,
      'simulate',
      'ep_nope',
      'message.status',
    ]);
    running.push(missing);
    expect((await missing.exited).code).toBe(1);
    expect(missing.lines.join('\n')).toMatch(/no endpoint ep_nope/);
  });
});
