import { describe, expect, it } from 'vitest';
import { tuneHeapForServing } from './heap-tuning.js';

describe('tuneHeapForServing', () => {
  it('leaves a growth percent given on the command line alone', () => {
    expect(tuneHeapForServing(['--heap-growing-percent=50'])).toBe(false);
    expect(tuneHeapForServing(['--heap_growing_percent=50'])).toBe(false);
  });

  it('sets it otherwise, a flag this V8 knows (an unknown one would be ignored silently)', async () => {
    const { execFileSync } = await import('node:child_process');
    const help = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    expect(help).toContain('--heap-growing-percent');
    expect(tuneHeapForServing(['--enable-source-maps'])).toBe(true);
  });
});
