import { spawn, type ChildProcess } from 'node:child_process';

/** A child process whose output is kept (the tail, for failure messages) and searched for a line. */
export class Child {
  private tail = '';
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly proc: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.tail = (this.tail + chunk.toString()).slice(-8000);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
  }

  static start(name: string, args: string[], env: Record<string, string> = {}): Child {
    const proc = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    return new Child(name, proc);
  }

  get output(): string {
    return this.tail;
  }

  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => done(new Error(`${this.name}: no ${pattern} within ${timeoutMs} ms:\n${this.tail}`)),
        timeoutMs,
      );
      const check = () => {
        const m = pattern.exec(this.tail);
        if (m) done(null, m);
      };
      const onExit = (code: number | null) =>
        done(new Error(`${this.name} exited (${code}) before ${pattern}:\n${this.tail}`));
      const done = (error: Error | null, m?: RegExpExecArray) => {
        clearTimeout(timer);
        this.proc.stdout?.off('data', check);
        this.proc.stderr?.off('data', check);
        this.proc.off('exit', onExit);
        if (error) reject(error);
        else resolve(m!);
      };
      this.proc.stdout?.on('data', check);
      this.proc.stderr?.on('data', check);
      this.proc.once('exit', onExit);
      check();
    });
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill(signal);
    await this.exited;
  }
}
