#!/usr/bin/env node
// The static checks `npm test` runs before the tests: type checks, lint rules, formatting, layering
// and the OpenAPI lint. They are independent and mostly single-threaded, so they run side by side; each
// one's output is printed only when it fails, and the script fails if any of them does.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (path) => join(ROOT, 'node_modules', path);

const CHECKS = [
  ['types (server)', bin('typescript/bin/tsc'), ['--noEmit']],
  ['types (console)', bin('typescript/bin/tsc'), ['--noEmit', '-p', 'web']],
  ['lint', bin('eslint/bin/eslint.js'), ['.']],
  ['formatting', bin('prettier/bin/prettier.cjs'), ['--check', '.', '--log-level', 'warn']],
  [
    'layering',
    bin('dependency-cruiser/bin/dependency-cruise.mjs'),
    ['src', '--config', '.dependency-cruiser.cjs'],
  ],
  ['OpenAPI lint', bin('tsx/dist/cli.mjs'), ['scripts/lint-openapi.ts']],
];

function run([name, script, args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ name, ok: false, output: String(error), ms: 0 }));
    child.on('close', (code) =>
      resolve({ name, ok: code === 0, output, ms: Date.now() - started }),
    );
  });
}

const results = await Promise.all(CHECKS.map(run));
for (const { name, ok, output, ms } of results) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${(ms / 1000).toFixed(1)} s)`);
  if (!ok) console.log(output.trimEnd());
}
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
