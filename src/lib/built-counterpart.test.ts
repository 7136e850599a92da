import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtCounterpart } from './built-counterpart.js';

describe('the compiled twin of a source file', () => {
  let root: string;
  let source: URL;

  beforeEach(() => {
    // A checkout: src/store/worker.ts, built to dist/src/store/worker.js under stamp "abc".
    root = mkdtempSync(join(tmpdir(), 'hookline-built-'));
    mkdirSync(join(root, 'src', 'store'), { recursive: true });
    mkdirSync(join(root, 'dist', 'src', 'store'), { recursive: true });
    writeFileSync(join(root, 'src', 'store', 'worker.ts'), 'export {};\n');
    writeFileSync(join(root, 'dist', 'src', 'store', 'worker.js'), 'export {};\n');
    writeFileSync(join(root, 'dist', '.build-stamp'), 'abc\n');
    source = pathToFileURL(join(root, 'src', 'store', 'worker.ts'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is dist/<path>.js when dist/ holds the build the run vouched for', () => {
    expect(builtCounterpart(source, 'abc')).toEqual(
      pathToFileURL(join(root, 'dist', 'src', 'store', 'worker.js')),
    );
  });

  it('is not used when dist/ holds another build (stale, or rebuilt from other sources)', () => {
    expect(builtCounterpart(source, 'def')).toBeNull();
    writeFileSync(join(root, 'dist', '.build-stamp'), 'xyz\n');
    expect(builtCounterpart(source, 'abc')).toBeNull();
  });

  it('is not used when no build was vouched for', () => {
    expect(builtCounterpart(source, undefined)).toBeNull();
    expect(builtCounterpart(source, '')).toBeNull();
  });

  it('is not used when the build lacks the file, or there is no build at all', () => {
    rmSync(join(root, 'dist', 'src', 'store', 'worker.js'));
    expect(builtCounterpart(source, 'abc')).toBeNull();
    rmSync(join(root, 'dist'), { recursive: true });
    expect(builtCounterpart(source, 'abc')).toBeNull();
  });
});
