import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
});
