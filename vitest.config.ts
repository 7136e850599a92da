import { defineConfig } from 'vitest/config';
import { LongFilesFirst } from './test/setup/long-files-first.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Worker threads boot from dist/ when it is built from these very sources.
    globalSetup: ['test/setup/built-workers.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Most files wait on child processes, sockets and PostgreSQL rather than compute: two at a time
    // keep both cores busy (vitest's default on two cores is one).
    maxWorkers: 2,
    // The longest files start first, so that no long one is left to run alone at the end.
    sequence: { sequencer: LongFilesFirst },
  },
});
