import { describe, expect, it } from 'vitest';
import {
  INGEST_PROFILE_END,
  INGEST_PROFILE_START,
  keptIngestProfile,
  renderIngestProfile,
  spliceIngestProfile,
  type IngestProfile,
} from '../../bench/report/ingest-profile-section.js';

const entry = (name: string, selfMs: number) => ({ name, selfMs, share: selfMs / 1000 });
const profile: IngestProfile = {
  measuredAt: '2026-12-01T00:11:00.000Z',
  command: 'node dist/bench/ingest-profile.js --seconds 8 --docs',
  cores: 2,
  loadAverage: { start: 1.2, end: 1.4 },
  setup: 'role api, 32 concurrent clients',
  acked: 40_000,
  perSecond: 5_000,
  ackP99Ms: 12,
  cpuPerMessage: [
    { thread: 'main (HTTP API)', us: 120.4 },
    { thread: 'whole process', us: 250 },
  ],
  main: {
    totalMs: 1000,
    byFile: [entry('src/api/auth.ts', 10)],
    top: [entry('authenticate (src/api/auth.ts:44)', 10)],
    hotLines: [],
  },
};

describe('the ingest profile section', () => {
  it('shows CPU per message by thread and the main thread, with its command and load', () => {
    const text = renderIngestProfile(profile).join('\n');
    expect(text).toContain('| main (HTTP API) | 120 |');
    expect(text).toContain('| authenticate (src/api/auth.ts:44) | 10 | 1.0% |');
    expect(text).toContain('`node dist/bench/ingest-profile.js --seconds 8 --docs`');
    expect(text).toContain('load average 1.2 at the start and 1.4 at the end');
    expect(text).not.toContain('busy with other work');
  });

  it('goes before the machine section, replaces itself, and a full run keeps it', () => {
    const doc = '# Benchmarks\n\n## Throughput\n\n## Machine\n\n- CPU\n';
    const once = spliceIngestProfile(doc, renderIngestProfile(profile));
    expect(once.indexOf(INGEST_PROFILE_START)).toBeLessThan(once.indexOf('## Machine'));
    const again = spliceIngestProfile(once, renderIngestProfile({ ...profile, acked: 7 }));
    expect(again.split(INGEST_PROFILE_START)).toHaveLength(2);
    expect(again).toContain('7 messages acknowledged');
    const regenerated = spliceIngestProfile(doc, keptIngestProfile(again));
    expect(regenerated).toBe(again);
    expect(keptIngestProfile(doc)).toEqual([]);
    expect(again.indexOf(INGEST_PROFILE_END)).toBeLessThan(again.indexOf('## Machine'));
  });
});
