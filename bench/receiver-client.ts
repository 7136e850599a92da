import { fork, type ChildProcess } from 'node:child_process';
import type {
  ReceiverCommand,
  ReceiverReply,
  ReceiverSettings,
  ReceiverStats,
} from './receiver.js';

type Pending = (reply: ReceiverReply) => void;
type CommandBody = ReceiverCommand extends infer C
  ? C extends ReceiverCommand
    ? Omit<C, 'reqId'>
    : never
  : never;

/** Starts bench/receiver.js as a child process and talks to it over IPC. */
export class Receiver {
  private nextReqId = 1;
  private readonly pending = new Map<number, Pending>();

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.on('message', (message: ReceiverReply) => {
      if (message.op === 'ready') return;
      const resolve = this.pending.get(message.reqId);
      this.pending.delete(message.reqId);
      resolve?.(message);
    });
  }

  static start(): Promise<Receiver> {
    const child = fork(new URL('./receiver.js', import.meta.url), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`receiver exited early (code ${code})`)));
      child.on('message', (message: ReceiverReply) => {
        if (message.op === 'ready') resolve(new Receiver(child, message.port));
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  url(path = '/'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  private send(command: CommandBody, timeoutMs = 0): Promise<ReceiverReply> {
    const reqId = this.nextReqId++;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          this.pending.delete(reqId);
          reject(new Error(`receiver: ${command.op} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
      }
      this.pending.set(reqId, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.child.send({ ...command, reqId } as ReceiverCommand);
    });
  }

  private async statsOf(command: CommandBody, timeoutMs = 0): Promise<ReceiverStats> {
    const reply = await this.send(command, timeoutMs);
    if (reply.op !== 'done') throw new Error(`receiver: unexpected reply ${reply.op}`);
    return reply.stats;
  }

  configure(settings: Partial<ReceiverSettings>): Promise<ReceiverStats> {
    return this.statsOf({ op: 'configure', settings });
  }

  /** Clears counters and recorded arrivals, and restarts the failure pattern. */
  reset(): Promise<ReceiverStats> {
    return this.statsOf({ op: 'reset' });
  }

  stats(): Promise<ReceiverStats> {
    return this.statsOf({ op: 'stats' });
  }

  /** Resolves once `count` requests were answered with 2xx since the last reset. */
  waitForOk(count: number, timeoutMs: number): Promise<ReceiverStats> {
    return this.statsOf({ op: 'waitForOk', count }, timeoutMs);
  }

  async arrivals(): Promise<{ arrivals: Map<string, number>; sentLatencies: Float64Array }> {
    const reply = await this.send({ op: 'arrivals' });
    if (reply.op !== 'arrivals') throw new Error(`receiver: unexpected reply ${reply.op}`);
    return reply;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || !this.child.connected) return;
    this.child.removeAllListeners('exit');
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.send({ op: 'close' });
    await exited;
  }
}
