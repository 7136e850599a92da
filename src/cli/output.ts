import type { Command } from 'commander';

/** A column of a table: its header and how to read it from a row. */
export interface Column<T> {
  header: string;
  value(row: T): unknown;
}

export type OutputFormat = 'table' | 'json';

/**
 * Tables for a person at a terminal, JSON for scripts: `--output`/`--json` choose; otherwise a
 * terminal gets tables and a pipe gets JSON.
 */
export function outputFormat(
  cmd: Command,
  stdoutIsTty = process.stdout.isTTY === true,
): OutputFormat {
  const flags = cmd.optsWithGlobals() as { json?: boolean; output?: OutputFormat };
  if (flags.json) return 'json';
  return flags.output ?? (stdoutIsTty ? 'table' : 'json');
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

async function render(head: string[], rows: string[][]): Promise<string> {
  // Loaded only when a table is printed: `hookline --help` stays fast.
  const { default: Table } = await import('cli-table3');
  const table = new Table({ head, style: { head: [], border: [] }, wordWrap: false });
  table.push(...rows);
  return table.toString();
}

/** Prints a list: a table of `columns` (with the next page's cursor under it), or the JSON page. */
export async function printList<T>(
  cmd: Command,
  page: { data: T[]; nextCursor?: string | null },
  columns: Column<T>[],
): Promise<void> {
  if (outputFormat(cmd) === 'json') return printJson(page);
  if (page.data.length === 0) {
    console.log('(none)');
    return;
  }
  const rows = page.data.map((row) => columns.map((c) => cell(c.value(row))));
  console.log(
    await render(
      columns.map((c) => c.header),
      rows,
    ),
  );
  if (page.nextCursor) console.log(`more: --cursor ${page.nextCursor}`);
}

/** Prints one record: a two-column table of its fields (or of `fields`), or its JSON. */
export async function printRecord(
  cmd: Command,
  record: object,
  fields?: Array<[string, unknown]>,
): Promise<void> {
  if (outputFormat(cmd) === 'json') return printJson(record);
  const entries = fields ?? Object.entries(record);
  console.log(
    await render(
      ['field', 'value'],
      entries.map(([k, v]) => [k, cell(v)]),
    ),
  );
}

export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}
