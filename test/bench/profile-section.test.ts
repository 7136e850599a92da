import { describe, expect, it } from 'vitest';
import { PROFILE_END, PROFILE_START, spliceProfile } from '../../bench/report/profile-section.js';
import {
  INGEST_PROFILE_END,
  INGEST_PROFILE_START,
} from '../../bench/report/ingest-profile-section.js';
import { withKeptProfiles } from '../../bench/report/write.js';

const section = [
  PROFILE_START,
  '## Where Hookline spends its time in the drain',
  '',
  'new',
  PROFILE_END,
  '',
];

describe('the profile section of docs/benchmarks.md', () => {
  it('replaces the section an older run left without markers, up to the machine', () => {
    const doc =
      '# B\n\n## Latency\n\nx\n\n## Where Hookline spends its time in the drain\n\nold\n\n## Machine\n\n- CPU\n';
    const out = spliceProfile(doc, section);
    expect(out).not.toContain('old');
    expect(out).toContain(`## Latency\n\nx\n\n${PROFILE_START}`);
    expect(out).toContain(`${PROFILE_END}\n## Machine`);
  });

  it('replaces what is between the markers, and only that', () => {
    const doc = `# B\n\n${PROFILE_START}\nold\n${PROFILE_END}\n\n## Machine\n`;
    const out = spliceProfile(spliceProfile(doc, section), section);
    expect(out.split(PROFILE_START)).toHaveLength(2);
    expect(out).not.toContain('old');
    expect(out.endsWith(`${PROFILE_END}\n## Machine\n`)).toBe(true);
  });

  it('a full run without --profile keeps both profiles the document had, in order', () => {
    const previous = `# B\n\n${INGEST_PROFILE_START}\ningest\n${INGEST_PROFILE_END}\n${PROFILE_START}\ndrain\n${PROFILE_END}\n## Machine\n\nold machine\n`;
    const rendered = '# B\n\nnew figures\n\n## Machine\n\nnew machine\n';
    const out = withKeptProfiles(rendered, previous, false);
    expect(out).toBe(
      `# B\n\nnew figures\n\n${INGEST_PROFILE_START}\ningest\n${INGEST_PROFILE_END}\n${PROFILE_START}\ndrain\n${PROFILE_END}\n## Machine\n\nnew machine\n`,
    );
  });

  it('a run with --profile writes its own drain profile after the kept ingest profile', () => {
    const previous = `# B\n\n${PROFILE_START}\nold drain\n${PROFILE_END}\n${INGEST_PROFILE_START}\ningest\n${INGEST_PROFILE_END}\n## Machine\n`;
    const rendered = `# B\n\n${PROFILE_START}\nnew drain\n${PROFILE_END}\n## Machine\n`;
    expect(withKeptProfiles(rendered, previous, true)).toBe(
      `# B\n\n${INGEST_PROFILE_START}\ningest\n${INGEST_PROFILE_END}\n${PROFILE_START}\nnew drain\n${PROFILE_END}\n## Machine\n`,
    );
  });

  it('puts the ingest profile first even when the document had it after the drain', () => {
    const previous = `# B\n\n${PROFILE_START}\ndrain\n${PROFILE_END}\n${INGEST_PROFILE_START}\ningest\n${INGEST_PROFILE_END}\n## Machine\n`;
    const out = withKeptProfiles('# B\n\n## Machine\n', previous, false);
    expect(out).toBe(
      `# B\n\n${INGEST_PROFILE_START}\ningest\n${INGEST_PROFILE_END}\n${PROFILE_START}\ndrain\n${PROFILE_END}\n## Machine\n`,
    );
  });
});
