import { once } from 'node:events';
import type { ResourceLimits } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startWorker, YOUNG_GENERATION_MB } from './start-worker.js';

const fixture = new URL('../../test/helpers/limits-worker.ts', import.meta.url).href;

async function limitsOf(youngGenerationMb?: number): Promise<ResourceLimits> {
  const worker = startWorker(fixture, 'limits-worker', null, [], { youngGenerationMb });
  const [limits] = (await once(worker, 'message')) as [ResourceLimits];
  await once(worker, 'exit');
  return limits;
}

describe('startWorker', () => {
  it("caps the worker's young generation (6 MiB unless asked)", async () => {
    expect(YOUNG_GENERATION_MB).toBe(6);
    expect((await limitsOf()).maxYoungGenerationSizeMb).toBe(YOUNG_GENERATION_MB);
    expect((await limitsOf(24)).maxYoungGenerationSizeMb).toBe(24);
  });
});
