import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** docs/architecture.md names real files: every path it gives, and both store folders' tables. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The page without its diagrams (fenced blocks), whose backticks are not code spans. */
const text = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8').replace(
  /```[\s\S]*?```/g,
  '',
);

/** Backticked names in a piece of markdown. */
const codeSpans = (markdown: string): string[] =>
  [...markdown.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

describe('docs/architecture.md', () => {
  it('every path it names exists', () => {
    const paths = codeSpans(text).filter(
      (span) => /^(src|test|docs)\/[\w./-]+$/.test(span) && !span.includes('<'),
    );
    expect(paths.length).toBeGreaterThan(20);
    const missing = paths.filter((path) => !existsSync(`${ROOT}${path}`));
    expect(missing).toEqual([]);
  });

  it("the store folders' table names files each folder has", () => {
    const rows = text
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| job') && line.includes('.ts`'));
    const storeRows = rows
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .filter((cells) => cells.length === 5);
    expect(storeRows.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const [, , sqlite, postgres] of storeRows) {
      for (const [folder, cell] of [
        ['src/store/sqlite/', sqlite],
        ['src/store/postgres/', postgres],
      ]) {
        for (const name of codeSpans(cell)) {
          if (!existsSync(`${ROOT}${folder}${name}`)) missing.push(`${folder}${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
