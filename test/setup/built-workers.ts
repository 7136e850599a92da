import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { BUILT_STAMP_VARIABLE } from '../../src/lib/built-counterpart.js';
import { ROOT } from '../helpers/cli-sources.js';

/**
 * Vitest global setup: when dist/ is built from exactly the current sources (`scripts/build.mjs
 * --check`, by content hash), names that build in HOOKLINE_TEST_BUILD_STAMP, so that worker
 * threads started from TypeScript sources (the store, checkpoint and delivery threads) boot from
 * dist/ rather than each compiling its import graph through tsx (src/lib/built-counterpart.ts).
 * A stale or missing dist/ leaves it unset: the workers then run the sources themselves. It builds
 * nothing (`npm test` builds first); a watch rerun checks again.
 */
function vouchForBuild(): void {
  delete process.env[BUILT_STAMP_VARIABLE];
  try {
    execFileSync(process.execPath, ['scripts/build.mjs', '--check', '--only', 'server'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch {
    return;
  }
  process.env[BUILT_STAMP_VARIABLE] = readFileSync(
    join(ROOT, 'dist', '.build-stamp'),
    'utf8',
  ).trim();
}

export default function setup(project: TestProject): void {
  vouchForBuild();
  project.onTestsRerun(() => vouchForBuild());
}
