import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Names the build (the fingerprint `scripts/build.mjs` stamps into dist/.build-stamp) that a test
 * run found to be built from exactly its sources (test/setup/built-workers.ts sets it).
 */
export const BUILT_STAMP_VARIABLE = 'HOOKLINE_TEST_BUILD_STAMP';

/**
 * The compiled twin of a TypeScript source file, `dist/<path>.js` in the same checkout, when it may
 * run in the source's place: only while dist/.build-stamp holds the build named by
 * HOOKLINE_TEST_BUILD_STAMP, i.e. dist/ was built from these very sources. Otherwise null, and the
 * source runs through tsx. Saves each worker thread a second compile of its whole import graph.
 */
export function builtCounterpart(
  source: URL,
  stamp: string | undefined = process.env[BUILT_STAMP_VARIABLE],
): URL | null {
  if (!stamp || source.protocol !== 'file:') return null;
  const path = fileURLToPath(source);
  for (let root = dirname(path); dirname(root) !== root; root = dirname(root)) {
    const stampFile = join(root, 'dist', '.build-stamp');
    if (!existsSync(stampFile)) continue;
    if (readFileSync(stampFile, 'utf8').trim() !== stamp) return null;
    const built = join(root, 'dist', relative(root, path)).replace(/\.ts$/, '.js');
    return existsSync(built) ? pathToFileURL(built) : null;
  }
  return null;
}
