import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../helpers/built-dist.js';
import { Child } from '../helpers/child-process.js';
import { freePort } from '../helpers/free-port.js';
import {
  ADMIN_TOKEN,
  removeDataDirs,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';

/**
 * A TypeScript project installs the packed `hookline` package (npm pack, then npm install from the
 * tarball, offline first) and uses `hookline/client` and `hookline/verify` exactly as docs/sdk.md
 * shows: the blocks marked `<!-- consumer: FILE -->` are written into it, type-checked (strict,
 * NodeNext) against the package's declarations, and run against a real Hookline on 127.0.0.1.
 */
const work = mkdtempSync(join(tmpdir(), 'hookline-consumer-'));
const project = join(work, 'consumer');
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, stdio: 'pipe', encoding: 'utf8', timeout: 240_000 });

function docExamples(): Map<string, string> {
  const text = readFileSync(join(ROOT, 'docs/sdk.md'), 'utf8');
  const blocks = new Map<string, string>();
  for (const m of text.matchAll(/<!-- consumer: (\S+) -->\n```ts\n([\s\S]*?)```/g))
    blocks.set(m[1], m[2]);
  return blocks;
}

/** Resolves once something answers HTTP at `url` (the receiver refuses an unsigned request: 400). */
async function answering(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const status = await fetch(url, { method: 'POST' }).then(
      (r) => r.status,
      () => null,
    );
    if (status !== null) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing answers at ${url}`);
}

let h: TestHookline;
let baseUrl: string;

beforeAll(async () => {
  ensureBuilt();
  // The console's files ship in the package (package.json "files"): build them if out of date.
  execFileSync(
    'flock',
    ['/tmp/hookline-web-build.lock', process.execPath, 'scripts/build.mjs', '--only', 'console'],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
  run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], ROOT);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'hookline-consumer',
      private: true,
      type: 'module',
      dependencies: { hookline: `file:../${tarball}`, fastify: '^5' },
    }),
  );
  run(
    'npm',
    ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev'],
    project,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        outDir: 'dist',
        rootDir: 'src',
        // Node's types come from this repository: the consumer installs only the package.
        typeRoots: [join(ROOT, 'node_modules/@types')],
        types: ['node'],
      },
      include: ['src'],
    }),
  );
  for (const [file, code] of docExamples()) writeFileSync(join(project, 'src', file), code);
  h = await startHookline({ config: { host: '127.0.0.1', port: 0 } });
  baseUrl = await h.app.listen();
}, 600_000);

afterAll(async () => {
  await h?.close();
  removeDataDirs();
  rmSync(work, { recursive: true, force: true });
});

describe('a TypeScript project using the packed hookline package', () => {
  it('finds the examples in docs/sdk.md', () => {
    expect([...docExamples().keys()].sort()).toEqual(['fastify.ts', 'receiver.ts', 'send.ts']);
  });

  it('installs only the built package files, with both entry points and their types', () => {
    const installed = join(project, 'node_modules/hookline');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(Object.keys(manifest.exports)).toEqual(['./client', './verify', './package.json']);
    for (const entry of ['client', 'verify'])
      expect(readdirSync(join(installed, 'dist/src', entry))).toContain('index.d.ts');
    expect(readdirSync(installed)).not.toContain('src');
  });

  it('ships the built console, which the installed package finds and serves at /', async () => {
    const installed = join(project, 'node_modules/hookline');
    const files = readdirSync(join(installed, 'web/dist'), { recursive: true }).map(String);
    expect(files).toContain('index.html');
    expect(files.some((f) => f.endsWith('.map') || f === '.build-stamp')).toBe(false);
    // The installed server code, with the installed fastify, as `hookline serve` would use them.
    const { consoleDir } = await import(join(installed, 'dist/src/app/console-dir.js'));
    const { consoleRoutes } = await import(join(installed, 'dist/src/api/routes/console.js'));
    const { default: fastify } = await import(join(project, 'node_modules/fastify/fastify.js'));
    const root: string = consoleDir();
    expect(root).toBe(join(installed, 'web/dist'));
    const server = fastify();
    await server.register(consoleRoutes(root, { frameAncestors: "'none'" }));
    try {
      const page = await server.inject({ url: '/apps/app_x/endpoints' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<div id="root">');
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
      expect(script).toBeDefined();
      const asset = await server.inject({ url: script! });
      expect([asset.statusCode, asset.headers['content-type']]).toEqual([
        200,
        'application/javascript; charset=utf-8',
      ]);
    } finally {
      await server.close();
    }
  });

  it('type-checks the examples as written, and refuses calls the API does not have', () => {
    // One strict tsc run: an unused @ts-expect-error is itself an error, so each refusal is checked.
    writeFileSync(
      join(project, 'src', 'refused.ts'),
      `import { createHooklineClient } from 'hookline/client';
import { standardWebhooks } from 'hookline/verify';
const hookline = createHooklineClient({ baseUrl: 'http://localhost:8080', token: 't' });
// @ts-expect-error: the body's field is name
await hookline.POST('/api/v1/apps', { body: { nmae: 'acme' } });
// @ts-expect-error: no such route
await hookline.GET('/api/v1/applications');
// @ts-expect-error: appId is a path parameter the route needs
await hookline.GET('/api/v1/apps/{appId}');
const app = await hookline.GET('/api/v1/apps/{appId}', { params: { path: { appId: 'a' } } });
// @ts-expect-error: an app has no url
app.url;
// @ts-expect-error: keys are strings
standardWebhooks({ keys: 42 });
`,
    );
    run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], project);
  }, 300_000);

  it('sends with hookline/client and verifies the delivery with hookline/verify', async () => {
    const secret = `whsec_${Buffer.alloc(24, 42).toString('base64')}`;
    const port = await freePort();
    const receiver = Child.start('receiver', [join(project, 'dist/receiver.js')], {
      PORT: String(port),
      WEBHOOK_SECRET: secret,
    });
    try {
      await answering(`http://127.0.0.1:${port}/`);
      const send = Child.start('send', [join(project, 'dist/send.js')], {
        HOOKLINE_URL: baseUrl,
        HOOKLINE_TOKEN: ADMIN_TOKEN,
        RECEIVER_URL: `http://127.0.0.1:${port}/webhooks`,
        WEBHOOK_SECRET: secret,
      });
      expect(await send.exited, send.output).toBe(0);
      const messageId = /sent (msg_\w+)/.exec(send.output)?.[1];
      expect(messageId, send.output).toBeDefined();
      expect(send.output).toContain('1 endpoint(s); next page: none');
      expect(send.output).toContain('404 not_found: app app_unknown not found');

      await h.dispatcher.drainDue();
      const line = await receiver.waitFor(/verified (msg_\w+): (.*)/);
      expect(line[1]).toBe(messageId);
      expect(JSON.parse(line[2])).toMatchObject({
        type: 'message.status',
        data: { id: 'a418d672', status: 'delivered' },
      });
    } finally {
      await receiver.stop();
    }
  }, 120_000);
});
