import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, longest first (seconds each in a CI run, at load 4-10). Vitest
 * orders by the durations it cached from the last run, and with no cache (a fresh clone, as CI
 * is) by file size: these small files then started last and ran alone at the end, one of the two
 * workers idle. Started first, the short files fill in beside them. A file missing here just runs
 * in vitest's order; the list only needs to name the few that dominate.
 */
export const LONG_FILES = [
  'test/integration/postgres-multi-process.test.ts', // waits out a 70 s lease
  'test/conformance/sqlite-threaded.test.ts',
  'test/integration/per-key-ordering.test.ts',
  'test/conformance/postgres.test.ts',
  'test/e2e/app-pages.test.ts',
  'test/integration/sigkill.test.ts',
  'test/conformance/sqlite.test.ts',
  'test/sdk/package-consumer.test.ts',
  'test/integration/cli/cli-day.test.ts',
  'test/integration/retries.test.ts',
];

export class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = LONG_FILES.indexOf(relative(spec.project.config.root, spec.moduleId));
      return index === -1 ? LONG_FILES.length : index;
    };
    // A stable sort: the rest keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
