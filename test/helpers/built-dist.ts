import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cliSources, ROOT } from './cli-sources.js';

export { ROOT };
export const BIN = join(ROOT, 'bin/hookline.js');
const BUILT_CLI = join(ROOT, 'dist/src/cli/main.js');
/** What `npm run build` must leave: the CLI and the package's typed entry points. */
const BUILT_OUTPUTS = [
  BUILT_CLI,
  join(ROOT, 'dist/src/client/index.d.ts'),
  join(ROOT, 'dist/src/verify/index.d.ts'),
];

function newestSource(): number {
  return Math.max(0, ...cliSources().map((file) => statSync(file).mtimeMs));
}

/**
 * Makes sure bin/hookline.js runs the current sources: builds dist/ (tsc -p tsconfig.build.json)
 * when it is missing or older than any source. Builds are serialised by a lock file shared with
 * other test helpers that build.
 */
export function ensureBuilt(): void {
  const newest = newestSource();
  if (BUILT_OUTPUTS.every((file) => existsSync(file) && statSync(file).mtimeMs >= newest)) return;
  try {
    execFileSync('flock', ['/tmp/hookline-build.lock', 'npx', 'tsc', '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch {
    // tsc exits non-zero on a type error anywhere in the tree but still writes the files: checked below.
  }
  const missing = BUILT_OUTPUTS.filter((file) => !existsSync(file));
  if (missing.length > 0)
    throw new Error(`${missing.join(', ')} did not build: run \`npx tsc -p tsconfig.build.json\``);
}
