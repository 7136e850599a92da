import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { builtCounterpart } from '../../src/lib/built-counterpart.js';
import { cliSources, ROOT } from './cli-sources.js';

export interface BuiltCli {
  /** node <main> serve ... runs the CLI as users do. */
  main: string;
  remove(): void;
}

/**
 * The CLI built from the current sources, for tests that run Hookline as real child processes:
 * dist/'s when the test run found dist/ built from exactly these sources (as worker threads use it,
 * src/lib/built-counterpart.ts); else src/ compiled to JavaScript here. Transpile only, file by
 * file: type checking is `tsc --noEmit`'s job. That output goes to node_modules/.cache (ignored by
 * git and lint) so that imports resolve to node_modules.
 */
export function buildCli(): BuiltCli {
  const built = builtCounterpart(pathToFileURL(join(ROOT, 'src', 'cli', 'main.ts')));
  // dist/ is shared with the rest of the run: nothing to remove.
  if (built) return { main: fileURLToPath(built), remove: () => undefined };
  const out = join(
    ROOT,
    'node_modules',
    '.cache',
    `hookline-test-cli-${process.pid}-${Date.now().toString(36)}`,
  );
  for (const file of cliSources()) {
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        verbatimModuleSyntax: true,
        sourceMap: false,
      },
    }).outputText;
    const target = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
  }
  writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');
  return {
    main: join(out, 'src', 'cli', 'main.js'),
    remove: () => rmSync(out, { recursive: true, force: true }),
  };
}
