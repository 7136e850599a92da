import type { Database, Statement } from 'better-sqlite3';

/** Rows per statement: full chunks first, the rest in halving sizes, so few statements are prepared. */
const SIZES = [64, 16, 4, 1];

/**
 * One statement over many rows: `(?, ?, …)` tuples bound in chunks of fixed sizes (each size
 * prepared once), so a batch of results costs a few calls into SQLite instead of one per row.
 */
export class ChunkedStatement<T> {
  private readonly bySize = new Map<number, Statement>();
  private readonly tuple: string;

  /**
   * @param sql builds the statement around the tuples (`VALUES (?, ?), (?, ?)`).
   * @param values pushes an item's values, as many as the tuple has places.
   */
  constructor(
    private readonly db: Database,
    private readonly sql: (tuples: string) => string,
    width: number,
    private readonly values: (item: T, out: unknown[]) => void,
    /** RETURNING several columns: rows come back as arrays (`rows()`), not single values. */
    private readonly returnsRows = false,
  ) {
    this.tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  }

  /** Runs over all items in order; `named` binds the statement's @parameters. */
  run(items: readonly T[], named: Record<string, unknown> = {}): void {
    this.each(items, (stmt, values) => stmt.run(values, named));
  }

  /** Like run, for a statement with RETURNING of one column: the returned values. */
  pluck(items: readonly T[], named: Record<string, unknown> = {}): unknown[] {
    const out: unknown[] = [];
    this.each(items, (stmt, values) => {
      for (const v of stmt.all(values, named)) out.push(v);
    });
    return out;
  }

  /** Like run, for a statement with RETURNING of several columns: the rows, as arrays. */
  rows(items: readonly T[], named: Record<string, unknown> = {}): unknown[][] {
    return this.pluck(items, named) as unknown[][];
  }

  private each(items: readonly T[], call: (stmt: Statement, values: unknown[]) => void): void {
    let i = 0;
    for (const size of SIZES) {
      for (; items.length - i >= size; i += size) {
        const values: unknown[] = [];
        for (let k = i; k < i + size; k++) this.values(items[k], values);
        call(this.statement(size), values);
      }
    }
  }

  private statement(size: number): Statement {
    let stmt = this.bySize.get(size);
    if (!stmt) {
      stmt = this.db.prepare(this.sql(Array.from({ length: size }, () => this.tuple).join(', ')));
      if (stmt.reader) {
        if (this.returnsRows) stmt.raw();
        else stmt.pluck();
      }
      this.bySize.set(size, stmt);
    }
    return stmt;
  }
}
