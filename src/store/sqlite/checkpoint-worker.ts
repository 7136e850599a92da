import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { ioTrace, nameIoTraceThread, traceNow } from '../../lib/io-trace.js';
import { needsRestart, type CheckpointPolicy, type CheckpointResult } from './checkpoint-policy.js';

/**
 * The checkpoint thread (checkpointer.ts): its own connection copies the WAL into the database
 * file, so no commit of the store thread ever runs a checkpoint. synchronous=FULL: a checkpoint
 * syncs the WAL before it copies (commits made without an fsync included) and the database after.
 */
const { file, policy } = workerData as { file: string; policy: CheckpointPolicy };
const db = new Database(file, { fileMustExist: true });
db.pragma('synchronous = FULL');
db.pragma(`busy_timeout = ${policy.restartWaitMs}`);
// This connection writes nothing: its own automatic checkpoint stays off, the loop below decides.
db.pragma('wal_autocheckpoint = 0');

nameIoTraceThread('checkpoint');
const trace = ioTrace();
const checkpoint = (mode: 'PASSIVE' | 'RESTART') => {
  const start = trace ? traceNow() : 0;
  const result = (db.pragma(`wal_checkpoint(${mode})`) as CheckpointResult[])[0]!;
  trace?.span('checkpoint', start, { mode, ...result });
  return result;
};

/** Frames in the WAL at the previous look; none yet: no RESTART before a second look. */
let previousLog = Number.POSITIVE_INFINITY;
const timer = setInterval(() => {
  try {
    const passive = checkpoint('PASSIVE');
    const restart = needsRestart(passive, previousLog, policy);
    previousLog = passive.log;
    if (restart) checkpoint('RESTART');
  } catch {
    // SQLITE_BUSY past the wait: the next tick tries again. Any other failure of the file, the
    // writer meets in its own commits and reports there.
  }
}, policy.intervalMs);

parentPort!.once('message', () => {
  // The only message is "stop".
  clearInterval(timer);
  db.close();
  parentPort!.close();
});
