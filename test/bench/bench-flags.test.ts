import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../helpers/built-dist.js';

// The bench's probes refuse a bad flag before they start any process, naming the flag and value.
beforeAll(() => ensureBuilt(), 180_000);

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'dist/bench', script), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('the probes’ flags', () => {
  it.each([
    [['--repeat', '0'], '--repeat: "0" is not a positive integer'],
    [['--repeat', '1.5'], '--repeat: "1.5" is not a positive integer'],
    [['--seconds', 'soon'], '--seconds: "soon" is not a positive number'],
    [['--open-rate=-5'], '--open-rate: "-5" is not a positive number'],
  ])('harness-cost refuses %j', (args, message) => {
    const result = run('harness-cost.js', args);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it('thread-cpu refuses an --env variant that is not NAME=value', () => {
    const result = run('thread-cpu.js', ['--env', 'HOOKLINE_BATCH_SIZE=64 oops']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('--env: "oops" is not NAME=value');
  });

  it.each([
    [['--system', 'bullmq'], '--system bullmq: must be floor, hookline or hookline:K=V,K=V'],
    [['--system', 'hookline:oops'], '--system hookline:oops: must be floor, hookline'],
    [['--rates', '1000,lots'], '--rates 1000,lots: must be positive whole numbers'],
    [['--only', 'drain'], '--only drain: must be ingest or sweep'],
    [['--repeat', '0'], '--repeat 0: must be a positive whole number'],
  ])('floor-probe refuses %j', (args, message) => {
    const result = run('floor-probe.js', args);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  });
});
