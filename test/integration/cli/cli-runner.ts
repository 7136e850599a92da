import { execFile, spawn } from 'node:child_process';
import { ROOT } from '../../helpers/cli-sources.js';
import type { BuiltCli } from '../../helpers/build-cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Environment without the test's HOOKLINE_* variables, so only the flags given count. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('HOOKLINE_')) env[k] = v;
  return { ...env, ...extra };
}

/** Runs the CLI once as a child process (stdout is a pipe, so JSON unless told otherwise). */
export function runCli(cli: BuiltCli, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli.main, ...args],
      { cwd: ROOT, env: cleanEnv(), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export interface LiveCli {
  lines: string[];
  /** Resolves with the first stdout/stderr line matching, once printed. */
  waitForLine(pattern: RegExp): Promise<string>;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Starts a long-running CLI command (tail, watch), collecting its output lines. */
export function startCli(cli: BuiltCli, args: string[]): LiveCli {
  const child = spawn(process.execPath, [cli.main, ...args], {
    cwd: ROOT,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  const take = (stream: NodeJS.ReadableStream) => {
    let pending = '';
    stream.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        for (const w of [...waiters])
          if (w.pattern.test(line)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(line);
          }
      }
    });
  };
  take(child.stdout!);
  take(child.stderr!);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    lines,
    exited,
    waitForLine(pattern) {
      const found = lines.find((l) => pattern.test(l));
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        // A safety net with the output so far, not a timing assertion.
        const timer = setTimeout(
          () => reject(new Error(`no line matching ${pattern} in:\n${lines.join('\n')}`)),
          120_000,
        );
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        void exited.then(() =>
          setImmediate(() => {
            if (waiters.some((w) => w.pattern === pattern))
              reject(new Error(`exited before printing ${pattern}:\n${lines.join('\n')}`));
          }),
        );
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}
