import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const BUILT_CLI = join(ROOT, 'dist/src/cli/main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ (tsc -p tsconfig.build.json) when any source is newer than the built CLI. */
export function ensureBuilt(): void {
  if (existsSync(BUILT_CLI) && statSync(BUILT_CLI).mtimeMs >= newestSource(join(ROOT, 'src'))) return;
  try {
    // Serialised with other builders; type errors elsewhere in the tree do not stop emitting.
    execFileSync('flock', ['/tmp/hookline-build.lock', 'npx', 'tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // tsc exits non-zero on any type error, but still writes the files; checked below.
  }
  if (!existsSync(BUILT_CLI)) throw new Error('the CLI did not build: run `npx tsc -p tsconfig.build.json`');
}

export interface CliProcess {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first line (from the start) matching, once it is printed. */
  waitForLine(pattern: RegExp, from?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

/** Runs `node bin/hookline.js <args>` as a real child process, collecting its output lines. */
export function runCli(args: string[]): CliProcess {
  const child = spawn(process.execPath, [join(ROOT, 'bin/hookline.js'), ...args], {
    cwd: ROOT, env: { ...process.env, HOOKLINE_TOKEN: '', HOOKLINE_ADMIN_TOKEN: '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; from: number; resolve: (line: string) => void }> = [];
  let pending = '';
  const take = (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts);
    for (const w of [...waiters]) {
      const found = lines.slice(w.from).find((l) => w.pattern.test(l));
      if (found !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(found);
      }
    }
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return {
    child,
    lines,
    exited,
    waitForLine(pattern, from = 0) {
      return new Promise((resolve, reject) => {
        const found = lines.slice(from).find((l) => pattern.test(l));
        if (found !== undefined) return resolve(found);
        const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} in:\n${lines.join('\n')}`)), 15_000);
        waiters.push({ pattern, from, resolve: (line) => { clearTimeout(timer); resolve(line); } });
        void exited.then(() => setTimeout(() => {
          if (waiters.some((w) => w.pattern === pattern)) reject(new Error(`exited before printing ${pattern}:\n${lines.join('\n')}`));
        }, 50));
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
