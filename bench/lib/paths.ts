import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file holding package.json (works from dist/ too). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('bench: cannot find the repository root (package.json)');
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRoot();
export const resultsDir = join(repoRoot, 'bench', 'results');
export const docsDir = join(repoRoot, 'docs');
/** The compiled CLI the Hookline scenarios start as a child process. */
/** HOOKLINE_BENCH_CLI runs another build's server under this harness (an A/B of two builds). */
export const cliMain =
  process.env.HOOKLINE_BENCH_CLI || join(repoRoot, 'dist', 'src', 'cli', 'main.js');
