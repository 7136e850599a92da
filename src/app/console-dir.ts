import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built web console: `web/dist` at the package root, found by walking up from this file
 * (src/app from source, dist/src/app when built). null when it was never built.
 */
export function consoleDir(from: string = fileURLToPath(import.meta.url)): string | null {
  let dir = dirname(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) {
      const built = join(dir, 'web', 'dist');
      return existsSync(join(built, 'index.html')) ? built : null;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
