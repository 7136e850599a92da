import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { cliSources, ROOT } from './cli-sources.js';

export interface BuiltCli {
  /** node <main> serve ... runs the CLI as users do. */
  main: string;
  remove(): void;
}

/**
 * Compiles src/ to JavaScript for tests that run Hookline as real child processes (without
 * depending on dist/). Transpile only, file by file: type checking is `tsc --noEmit`'s job. The output
 * goes to node_modules/.cache (ignored by git and lint) so that imports resolve to node_modules.
 */
export function buildCli(): BuiltCli {
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
