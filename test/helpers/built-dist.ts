import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cliSources, ROOT } from './cli-sources.js';

export { ROOT };
export const BIN = join(ROOT, 'bin/hookline.js');
const BUILT_CLI = join(ROOT, 'dist/src/cli/main.js');

function newestSource(): number {
  return Math.max(0, ...cliSources().map((file) => statSync(file).mtimeMs));
}

/**
 * Makes sure bin/hookline.js runs the current sources: builds dist/ (tsc -p tsconfig.build.json)
 * when it is missing or older than any source. Builds are serialised by a lock file shared with
 * other test helpers that build.
 */
export function ensureBuilt(): void {
  if (existsSync(BUILT_CLI) && statSync(BUILT_CLI).mtimeMs >= newestSource()) return;
  try {
    execFileSync('flock', ['/tmp/hookline-build.lock', 'npx', 'tsc', '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch {
    // tsc exits non-zero on a type error anywhere in the tree but still writes the files: checked below.
  }
  if (!existsSync(BUILT_CLI))
    throw new Error('the CLI did not build: run `npx tsc -p tsconfig.build.json`');
}
