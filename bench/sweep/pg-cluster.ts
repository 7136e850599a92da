/** Hookline processes sharing one fresh PostgreSQL database, for the bench's PostgreSQL runs. */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { join } from 'node:path';
import { freePort } from '../lib/free-port.js';
import type { BenchContext } from '../hookline/context.js';
import { adminQuery } from '../hookline/postgres-drain.js';
import { HooklineProcess } from '../hookline/process.js';
import type { Progress } from '../hookline/wait-committed.js';

/** A fresh database for `fn`, dropped afterwards (FORCE: a stopped process may hold a session). */
export async function withDatabase<T>(
  baseUrl: string,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  const name = `hookline_bench_${process.pid}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
  try {
    return await fn(`${baseUrl}/${name}`);
  } finally {
    await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
  }
}

/** Hookline processes on one database; each has its own data folder, all one encryption key. */
export class Cluster {
  readonly processes: HooklineProcess[] = [];
  private readonly key = randomBytes(32).toString('base64');

  constructor(
    private readonly ctx: Pick<BenchContext, 'adminToken'>,
    private readonly dataDir: string,
    private readonly databaseUrl: string,
  ) {}

  async start(role: 'api' | 'worker', nodeArgs: string[] = []): Promise<HooklineProcess> {
    const child = await HooklineProcess.start({
      port: await freePort(),
      args: [
        '--data-dir',
        join(this.dataDir, `${role}-${this.processes.length}`),
        '--database',
        this.databaseUrl,
        '--role',
        role,
      ],
      nodeArgs,
      adminToken: this.ctx.adminToken,
      env: { HOOKLINE_ENCRYPTION_KEY: this.key },
    });
    this.processes.push(child);
    return child;
  }

  async peakRssMb(): Promise<number> {
    return Math.max(...(await Promise.all(this.processes.map((p) => p.peakRssMb()))));
  }

  assertRunning(): void {
    for (const p of this.processes) p.assertRunning();
  }

  async stop(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop()));
  }
}

/** Deliveries of the whole database not yet settled, read on `client` (a waitCommitted progress). */
export function unsettledDeliveries(client: pg.Client): Progress {
  return {
    remaining: async () => {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM deliveries WHERE state IN ('pending', 'delivering')`,
      );
      return Number(rows[0]!.n);
    },
  };
}
