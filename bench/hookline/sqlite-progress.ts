import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Reads a running Hookline's SQLite file (read-only, WAL lets it read beside the writer) to confirm
 * that deliveries are *committed*, not merely sent: a drain ends when this says so.
 */
export class SqliteProgress {
  private readonly db: Database.Database;
  private readonly remainingStmt: Database.Statement;

  constructor(
    dataDir: string,
    private readonly appId: string,
  ) {
    this.db = new Database(join(dataDir, 'hookline.db'), { readonly: true, fileMustExist: true });
    this.remainingStmt = this.db.prepare(
      `SELECT count(*) AS n FROM deliveries WHERE app_id = ? AND state IN ('pending', 'delivering')`,
    );
  }

  /** Deliveries not yet in a committed final state. */
  remaining(): number {
    return (this.remainingStmt.get(this.appId) as { n: number }).n;
  }

  final(): { succeeded: number; failed: number; attempts: number } {
    const rows = this.db
      .prepare('SELECT state, count(*) AS n FROM deliveries WHERE app_id = ? GROUP BY state')
      .all(this.appId) as Array<{ state: string; n: number }>;
    const count = (state: string) => rows.find((r) => r.state === state)?.n ?? 0;
    const attempts = (
      this.db.prepare('SELECT count(*) AS n FROM attempts WHERE app_id = ?').get(this.appId) as {
        n: number;
      }
    ).n;
    return { succeeded: count('succeeded'), failed: count('failed'), attempts };
  }

  close(): void {
    this.db.close();
  }
}
