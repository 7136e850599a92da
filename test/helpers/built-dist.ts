import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli-sources.js';

export { ROOT };
export const BIN = join(ROOT, 'bin/hookline.js');
const BUILT_CLI = join(ROOT, 'dist/src/cli/main.js');
/** What `npm run build` must leave: the CLI and the package's typed entry points. */
const BUILT_OUTPUTS = [
  BUILT_CLI,
  join(ROOT, 'dist/src/client/index.d.ts'),
  join(ROOT, 'dist/src/verify/index.d.ts'),
];

/**
 * Makes sure bin/hookline.js runs the current sources: `scripts/build.mjs --only server` builds
 * dist/ (tsc -p tsconfig.build.json) when its stamp does not match the sources' content, the same
 * test by which worker threads boot from dist/ (test/setup/built-workers.ts), so an up-to-date dist
 * is never rewritten under them. Builds are serialised by a lock file shared with other test
 * helpers that build.
 */
export function ensureBuilt(): void {
  try {
    execFileSync(
      'flock',
      ['/tmp/hookline-build.lock', process.execPath, 'scripts/build.mjs', '--only', 'server'],
      { cwd: ROOT, stdio: 'pipe' },
    );
  } catch {
    // tsc exits non-zero on a type error anywhere in the tree but still writes the files: checked below.
  }
  const missing = BUILT_OUTPUTS.filter((file) => !existsSync(file));
  if (missing.length > 0)
    throw new Error(`${missing.join(', ')} did not build: run \`node scripts/build.mjs\``);
}
