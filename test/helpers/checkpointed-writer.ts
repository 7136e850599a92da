/**
 * A writer for the checkpoint crash test (src/store/sqlite/checkpointer.test.ts), run as its own
 * process: commits rows with synchronous=FULL and no automatic checkpoint while the checkpoint
 * thread copies the WAL, printing `acked <n>` after each commit returns, until it is killed.
 */
import { openSqlite } from '../../src/store/sqlite/open.js';
import { Checkpointer } from '../../src/store/sqlite/checkpointer.js';

const file = process.argv[2]!;
const db = openSqlite(file, 'full');
db.pragma('wal_autocheckpoint = 0');
db.exec('CREATE TABLE IF NOT EXISTS t (n INTEGER PRIMARY KEY, body BLOB)');
new Checkpointer(file, { intervalMs: 5, limitFrames: 400, restartWaitMs: 50 });
const insert = db.prepare('INSERT INTO t (n, body) VALUES (?, randomblob(3000))');
let n = 0;
const step = () => {
  // A few pages per commit, so checkpoints and WAL restarts happen all along.
  db.transaction(() => {
    for (let i = 0; i < 4; i++) insert.run(++n);
  })();
  process.stdout.write(`acked ${n}\n`);
  setImmediate(step);
};
step();
