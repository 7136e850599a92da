import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from '../../helpers/build-cli.js';
import { ROOT } from '../../helpers/cli-sources.js';

/**
 * `hookline --help` answers fast because it loads only commander and the command definitions:
 * checked by the modules it loads (recorded by a module hook), not by a clock.
 */
let cli: BuiltCli;
let dir: string;
beforeAll(() => {
  cli = buildCli();
  dir = mkdtempSync(join(tmpdir(), 'hookline-imports-'));
}, 120_000);
afterAll(() => {
  cli?.remove();
  rmSync(dir, { recursive: true, force: true });
});

function modulesLoadedBy(args: string[]): string[] {
  const record = join(dir, `${args.join('_').replace(/\W/g, '')}.txt`);
  const hooks = pathToFileURL(join(import.meta.dirname, 'record-imports.mjs')).href;
  const register = `data:text/javascript,import{register}from'node:module';register(${JSON.stringify(hooks)})`;
  const output = execFileSync(process.execPath, ['--import', register, cli.main, ...args], {
    cwd: ROOT,
    env: { ...process.env, RECORD_IMPORTS: record },
    encoding: 'utf8',
  });
  expect(output).toContain('Usage: hookline');
  return readFileSync(record, 'utf8').trim().split('\n');
}

const HEAVY = [
  /\/src\/(app|api|store|delivery|formats|bots|inspector|signing)\//,
  /\/node_modules\/(fastify|undici|better-sqlite3|pg|pino|cli-table3|cli-progress)\//,
];

describe('hookline --help', () => {
  it.each([[['--help']], [['deliveries', '--help']], [['endpoints', 'update', '--help']]])(
    '%j loads no server, store or HTTP client module',
    (args) => {
      const loaded = modulesLoadedBy(args);
      expect(loaded.some((url) => url.endsWith('/src/cli/main.js'))).toBe(true);
      expect(loaded.filter((url) => HEAVY.some((pattern) => pattern.test(url)))).toEqual([]);
    },
  );
});
