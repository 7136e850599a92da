import os from 'node:os';
import Database from 'better-sqlite3';
import type { MachineInfo } from './results.js';

function sqliteVersion(): string | null {
  try {
    const db = new Database(':memory:');
    const row = db.prepare('select sqlite_version() as v').get() as { v: string };
    db.close();
    return row.v;
  } catch {
    return null;
  }
}

export function describeMachine(
  redis: string | null,
  postgres: string | null,
  loadAtStart: number,
): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sqlite: sqliteVersion(),
    redis,
    postgres,
    loadAverage: { start: round(loadAtStart), end: round(os.loadavg()[0]!) },
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
