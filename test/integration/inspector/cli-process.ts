import { spawn, type ChildProcess } from 'node:child_process';
import { BIN, ROOT } from '../../helpers/built-dist.js';

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
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, HOOKLINE_TOKEN: '', HOOKLINE_ADMIN_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
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
        const timer = setTimeout(
          () => reject(new Error(`no line matching ${pattern} in:\n${lines.join('\n')}`)),
          15_000,
        );
        waiters.push({
          pattern,
          from,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        void exited.then(() =>
          setTimeout(() => {
            if (waiters.some((w) => w.pattern === pattern))
              reject(new Error(`exited before printing ${pattern}:\n${lines.join('\n')}`));
          }, 50),
        );
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
