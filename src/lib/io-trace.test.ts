import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const module = fileURLToPath(new URL('./io-trace.ts', import.meta.url));
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `body` in a process of its own (the trace reads its variable once per thread). */
function traced(body: string, env: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'hookline-io-trace-'));
  const script = join(dir, 'child.ts');
  writeFileSync(script, `import { ioTrace, traceNow } from ${JSON.stringify(module)};\n${body}`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

it('records spans and full garbage collections, each with its own duration', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'hookline-io-trace-out-')), 'trace.jsonl');
  const out = traced(
    `const trace = ioTrace()!;
     trace.span('commit', traceNow() - 5, { n: 3 });
     // Many live objects make a full collection take milliseconds.
     const keep: object[] = [];
     for (let i = 0; i < 1_000_000; i++) keep.push({ i });
     const before = traceNow();
     (globalThis as { gc?: () => void }).gc!();
     console.log(JSON.stringify({ before, after: traceNow() }));
     setTimeout(() => process.exit(keep.length > 0 ? 0 : 1), 50);`,
    { HOOKLINE_IO_TRACE: file },
  );
  const { before, after } = JSON.parse(out) as { before: number; after: number };
  const trace = lines(file);
  const commit = trace.find((l) => l.kind === 'commit')!;
  expect(commit).toMatchObject({ thread: 'main#0', n: 3 });
  expect(commit.ms).toBeGreaterThanOrEqual(5);
  // gc() ran one full collection: its line lies within the call (the pause itself, not the time
  // until the observer heard of it, which is after the call returned).
  const forced = trace.filter(
    (l) =>
      l.kind === 'gc' && l.gc === 'mark-compact' && (l.t as number) >= Math.floor(before) - 0.01,
  );
  expect(forced).toHaveLength(1);
  expect(forced[0]!.ms as number).toBeGreaterThan(1);
  expect((forced[0]!.t as number) + (forced[0]!.ms as number)).toBeLessThanOrEqual(after + 0.02);
  rmSync(join(file, '..'), { recursive: true, force: true });
});

it('measures nothing when the variable is unset', () => {
  traced(`if (ioTrace() !== null) process.exit(1);`, { HOOKLINE_IO_TRACE: '' });
});
