import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { keyIdOf } from '../../src/lib/secret-box.js';
import { describeTarget } from '../../src/store/postgres/connection-errors.js';
import { migrations } from '../../src/store/postgres/migrations/index.js';
import { buildCli, type BuiltCli } from '../helpers/build-cli.js';
import { closedPort } from '../helpers/free-port.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';

const run = promisify(execFile);
/** Every migration's number, as the CLI lists them (others may be added: read, not written here). */
const ALL = migrations.map((m) => m.version).join(', ');

/** The `hookline` command as users run it, against PostgreSQL. */
describePostgres('hookline CLI on PostgreSQL', () => {
  let cli: BuiltCli;
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    cli = buildCli();
    db = await createTestDatabase('cli');
    dir = mkdtempSync(join(tmpdir(), 'hookline-cli-'));
  }, 60_000);
  afterAll(async () => {
    cli?.remove();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const hookline = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, [cli.main, '--data-dir', dir, ...args], {
      env: { ...process.env, ...env },
      timeout: 30_000,
    })
      .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
      .catch((e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      }));

  it('`hookline migrate` applies the migrations once, then finds nothing to do', async () => {
    const first = await hookline(['migrate', '--database', db.url]);
    expect(first.code, first.stderr).toBe(0);
    // Progress goes to stderr (phase lines when not a terminal); stdout keeps the result.
    expect(first.stderr).toMatch(/^applying migrations/);
    expect(first.stdout.trim()).toBe(
      `PostgreSQL at ${describeTarget(db.url)}: applied migration(s) ${ALL}`,
    );
    const again = await hookline(['migrate'], { HOOKLINE_DATABASE_URL: db.url });
    expect(again.stdout.trim()).toBe(`PostgreSQL at ${describeTarget(db.url)} is up to date`);
  });

  it('`hookline serve` on an unreachable database stops with one line naming the host', async () => {
    const port = await closedPort();
    const r = await hookline([
      'serve',
      '--port',
      '0',
      '--database',
      `postgres://postgres:secret@127.0.0.1:${port}/hookline`,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `hookline: cannot start: cannot connect to PostgreSQL at 127.0.0.1:${port}: ` +
        'connection refused (is the server running and listening there?)',
    );
    expect(r.stderr).not.toContain('secret');
  });

  it('`hookline serve --no-migrate` refuses an unmigrated database', async () => {
    const empty = await createTestDatabase('cli_empty');
    try {
      const r = await hookline(['serve', '--port', '0', '--no-migrate', '--database', empty.url]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        `hookline: cannot start: the database at ${describeTarget(empty.url)} lacks migration(s) ` +
          `${ALL}; run \`hookline migrate\` (or start without --no-migrate)`,
      );
    } finally {
      await empty.drop();
    }
  });

  it('`hookline encryption rotate-key` moves every row to the new key, in batches, with progress', async () => {
    const target = await createTestDatabase('cli_rotate');
    const client = new pg.Client({ connectionString: target.url });
    try {
      const [a, b] = [randomBytes(32), randomBytes(32)];
      const keyA = { HOOKLINE_ENCRYPTION_KEY: a.toString('base64') };
      expect((await hookline(['migrate', '--database', target.url], keyA)).code).toBe(0);
      // A row an older version wrote in clear: rotate-key seals it too.
      await client.connect();
      await client.query(`INSERT INTO apps (id, name, api_key_hash, viber_auth_token, created_at,
        updated_at) VALUES ('app_1', 'Acme', 'hash', 'app_1.viber-token-in-clear', 0, 0)`);

      const rotate = await hookline(
        ['encryption', 'rotate-key', '--database', target.url, '--batch-size', '1'],
        {
          HOOKLINE_ENCRYPTION_KEY: b.toString('hex'),
          HOOKLINE_ENCRYPTION_PREVIOUS_KEYS: keyA.HOOKLINE_ENCRYPTION_KEY,
        },
      );
      expect(rotate.code, rotate.stderr).toBe(0);
      expect(rotate.stderr).toMatch(/^re-sealing secrets/);
      expect(rotate.stdout).toMatch(
        new RegExp(`^re-sealed 1 secret\\(s\\) under key ${keyIdOf(b)}`),
      );
      const { rows } = await client.query<{ v: string }>(
        `SELECT viber_auth_token AS v FROM apps UNION ALL SELECT sealed FROM encryption_check`,
      );
      expect(rows.map((r) => r.v.slice(0, 24))).toEqual([
        `enc:v1:${keyIdOf(b)}:`,
        `enc:v1:${keyIdOf(b)}:`,
      ]);

      const stale = await hookline(['serve', '--port', '0', '--database', target.url], keyA);
      expect(stale.code).toBe(1);
      expect(stale.stderr).toMatch(
        new RegExp(
          `^hookline: cannot start: the database holds .* sealed under encryption key ${keyIdOf(b)}`,
        ),
      );
      expect(stale.stderr).not.toContain(keyA.HOOKLINE_ENCRYPTION_KEY);
    } finally {
      await client.end().catch(() => undefined);
      await target.drop();
    }
  });
});
