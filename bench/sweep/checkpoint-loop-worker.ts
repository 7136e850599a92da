import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { sleep } from '../lib/timing.js';

/**
 * The checkpoint loop's thread (checkpoint-loop.ts): a checkpoint call blocks its thread for as long
 * as it copies, so it runs here, beside the producer, never in front of it.
 */
const { file, pinMs } = workerData as { file: string; pinMs: number };
const db = new Database(file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const pageSize = db.pragma('page_size', { simple: true }) as number;
let stopped = false;
let checkpoints = 0;
let largestWalMb = 0;
parentPort!.once('message', () => (stopped = true));
while (!stopped) {
  // A reader (as a long report or a backup would) pins a snapshot: no checkpoint can pass it.
  db.exec('BEGIN');
  db.prepare('SELECT count(*) FROM apps').get();
  await sleep(pinMs);
  db.exec('COMMIT');
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
  largestWalMb = Math.max(largestWalMb, ((row?.log ?? 0) * pageSize) / 2 ** 20);
  checkpoints++;
  await sleep(pinMs / 4);
}
db.close();
parentPort!.postMessage({ checkpoints, largestWalMb });
