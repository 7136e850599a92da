import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request } from 'undici';
import { cliMain } from '../lib/paths.js';
import { sleep } from '../lib/timing.js';

export interface HooklineProcessOptions {
  port: number;
  /** `serve` arguments after the port (data dir, role, database, ...). */
  args: string[];
  adminToken: string;
  /** Node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** Wait for GET /healthz; a worker-only process may serve no API. */
  waitForHealth?: boolean;
  /** Another build's `dist/src/cli/main.js` (A/B runs); this checkout's by default. */
  cli?: string;
}

/**
 * HOOKLINE_BENCH_NODE_ARGS: Node flags for every Hookline process a bench starts (space-separated),
 * e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the processes of any scenario.
 */
function extraNodeArgs(): string[] {
  return (process.env.HOOKLINE_BENCH_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
}

/**
 * Hookline as the user runs it, `node dist/src/cli/main.js serve ...`, in its own process so its
 * CPU and memory are its own: RSS is read from /proc/<pid>/status.
 */
export class HooklineProcess {
  /** Every process still running, so an interrupted run can stop them (see stopAll). */
  private static readonly running = new Set<HooklineProcess>();
  private exited: Promise<number | null>;
  private stderrTail = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    HooklineProcess.running.add(this);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        HooklineProcess.running.delete(this);
        resolve(code);
      }),
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000);
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000);
    });
  }

  static async start(options: HooklineProcessOptions): Promise<HooklineProcess> {
    const child = spawn(
      process.execPath,
      [
        ...(options.nodeArgs ?? []),
        ...extraNodeArgs(),
        options.cli ?? cliMain,
        'serve',
        '--port',
        String(options.port),
        ...options.args,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          HOOKLINE_HOST: '127.0.0.1',
          HOOKLINE_ADMIN_TOKEN: options.adminToken,
          HOOKLINE_EGRESS: 'public-and-loopback', // receivers listen on 127.0.0.1
          HOOKLINE_LOG_LEVEL: 'warn',
          // The ingest bench sends thousands of requests a second on one key: it measures Hookline,
          // not the API rate limit (docs/operations.md#api-rate-limits).
          HOOKLINE_API_RATE_LIMIT: '0',
          ...options.env,
        },
      },
    );
    const hookline = new HooklineProcess(child, `http://127.0.0.1:${options.port}`);
    if (options.waitForHealth ?? true) {
      try {
        await hookline.waitHealthy();
      } catch (error) {
        // Not left running: a process nobody holds would outlive the run (and keep its output open).
        await hookline.stop();
        throw error;
      }
    }
    return hookline;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Recent output, for error messages. */
  get output(): string {
    return this.stderrTail;
  }

  private async waitHealthy(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exitCode: number | null | undefined;
    void this.exited.then((code) => {
      exitCode = code;
    });
    let lastAnswer = 'no answer';
    while (Date.now() < deadline) {
      if (exitCode !== undefined)
        throw new Error(
          `hookline exited (code ${exitCode}) before it was healthy:\n${this.stderrTail}`,
        );
      try {
        const res = await request(`${this.baseUrl}/healthz`, {
          headersTimeout: Math.max(1, deadline - Date.now()),
        });
        const body = await res.body.text();
        if (res.statusCode === 200) return;
        lastAnswer = `${res.statusCode} ${body.slice(0, 300)}`;
      } catch (error) {
        // not listening yet, or no answer before the deadline
        lastAnswer = error instanceof Error ? error.message : String(error);
      }
      await sleep(50);
    }
    throw new Error(
      `hookline was not healthy within ${timeoutMs} ms (last /healthz: ${lastAnswer}):\n${this.stderrTail}`,
    );
  }

  /** Throws, with its last output, when the process is gone (a crash mid-scenario). */
  assertRunning(): void {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      throw new Error(
        `hookline (pid ${this.pid}) exited with ${this.child.exitCode ?? this.child.signalCode}:\n${this.stderrTail}`,
      );
    }
  }

  /** Stops every Hookline process this run started (on Ctrl-C). */
  static async stopAll(): Promise<void> {
    await Promise.all([...HooklineProcess.running].map((p) => p.stop()));
  }

  /** Peak resident set size so far (VmHWM), MiB. */
  async peakRssMb(): Promise<number> {
    return readStatusKb(this.pid, 'VmHWM').then((kb) => kb / 1024);
  }

  /** Graceful stop (SIGTERM), which also lets --cpu-prof write its profile; SIGKILL after 15 s. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}

export async function readStatusKb(pid: number, field: 'VmHWM' | 'VmRSS'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}
