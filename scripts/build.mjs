#!/usr/bin/env node
// Builds what is out of date, and only that: the server (tsc) and the web console (vite).
// `npm install` (prepare) and `npm start` run it; `--force` rebuilds, `--only NAME` builds one,
// `--check` builds nothing and exits 1 when a build is out of date (the test run asks, see
// test/setup/built-workers.ts).
// A build is up to date when the content hash of its inputs equals the one stamped by its last
// build and its outputs exist: a checkout that changes files rebuilds, a `touch` does not.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (path) => join(ROOT, 'node_modules', path);

const TARGETS = [
  {
    name: 'server',
    inputs: ['src', 'bench', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    // What a bench run writes (bench/results) is no input: a run must not make dist/ look stale.
    ignore: (path) => path.endsWith('.test.ts') || path.startsWith(join('bench', 'results')),
    outputs: ['dist/src/cli/main.js', 'dist/src/client/index.d.ts'],
    stamp: 'dist/.build-stamp',
    command: [bin('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  },
  {
    name: 'console',
    inputs: ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/client', 'package-lock.json'],
    ignore: () => false,
    outputs: ['web/dist/index.html'],
    stamp: 'web/dist/.build-stamp',
    command: [
      bin('vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
  },
];

function files(path, ignore) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return ignore(path) ? [] : [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(join(path, name), ignore));
}

function fingerprint(target) {
  const hash = createHash('sha256');
  for (const file of target.inputs.flatMap((input) => files(input, target.ignore))) {
    hash.update(relative(ROOT, join(ROOT, file))).update('\0');
    hash.update(readFileSync(join(ROOT, file))).update('\0');
  }
  return hash.digest('hex');
}

function upToDate(target, print) {
  const stamp = join(ROOT, target.stamp);
  return (
    target.outputs.every((output) => existsSync(join(ROOT, output))) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8').trim() === print
  );
}

const force = process.argv.includes('--force');
const check = process.argv.includes('--check');
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : null;
for (const target of TARGETS.filter((t) => only === null || t.name === only)) {
  const print = fingerprint(target);
  if (!force && upToDate(target, print)) {
    console.log(`hookline build: ${target.name} is up to date`);
    continue;
  }
  if (check) {
    console.log(`hookline build: ${target.name} is out of date`);
    process.exitCode = 1;
    continue;
  }
  console.log(`hookline build: building ${target.name}`);
  execFileSync(process.execPath, target.command, { cwd: ROOT, stdio: 'inherit' });
  writeFileSync(join(ROOT, target.stamp), `${print}\n`);
}
