import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { parsePrometheusText } from '../helpers/prometheus-text.js';
import { startReceiver, status, type Receiver } from '../helpers/receiver.js';

/** docs/grafana-dashboard.json and docs/operations.md name only metrics that /metrics reports. */
const dashboard = JSON.parse(
  readFileSync(new URL('../../docs/grafana-dashboard.json', import.meta.url), 'utf8'),
) as { panels: Array<{ title: string; targets: Array<{ expr: string }> }> };
const operations = readFileSync(new URL('../../docs/operations.md', import.meta.url), 'utf8');

const METRIC = /\b(?:hookline|nodejs|process)_[a-z0-9_]+\b/g;

let h: TestHookline;
let receiver: Receiver;
beforeEach(async () => {
  receiver = await startReceiver();
  h = await startHookline({ config: { metricsEndpointSeries: 5 } });
});
afterEach(async () => {
  await h.close();
  await receiver.close();
});
afterAll(removeDataDirs);

/** The series names a scrape shows after a success and a failure (so labelled series exist). */
async function scrapedNames(): Promise<Set<string>> {
  const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'single' } });
  receiver.script(status(500));
  await sendMessage(h, t.appId, { n: 1 });
  await sendMessage(h, t.appId, { n: 2 });
  await h.dispatcher.drainDue();
  const res = await h.app.server.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  return new Set(parsePrometheusText(res.body).map((s) => s.name));
}

describe('metric names in the docs', () => {
  it('every metric the Grafana dashboard queries exists', async () => {
    const names = await scrapedNames();
    const used = dashboard.panels.flatMap((p) =>
      p.targets.flatMap((t) => t.expr.match(METRIC) ?? []),
    );
    expect(used.length).toBeGreaterThan(10);
    expect([...new Set(used)].filter((name) => !names.has(name))).toEqual([]);
  });

  it('every hookline_ metric docs/operations.md names exists', async () => {
    const names = await scrapedNames();
    const bases = new Set(
      [...names].map((n) => n.replace(/_(bucket|sum|count)$/, '')).concat([...names]),
    );
    const documented = [...new Set(operations.match(/\bhookline_[a-z0-9_]+\b/g) ?? [])];
    expect(documented.length).toBeGreaterThan(10);
    expect(documented.filter((name) => !bases.has(name))).toEqual([]);
  });
});
