import { hooklineVersion } from '../lib/version.js';
import { startTraceExport } from '../observability/trace-export.js';
import type { Config } from './config.js';

/** Starts exporting this thread's spans when HOOKLINE_OTLP_TRACES_URL is set; null otherwise. */
export async function traceExportOf(
  config: Pick<Config, 'otlpTracesUrl' | 'traceSampleRatio'>,
): Promise<(() => Promise<void>) | null> {
  if (!config.otlpTracesUrl) return null;
  return startTraceExport({
    url: config.otlpTracesUrl,
    sampleRatio: config.traceSampleRatio,
    version: hooklineVersion(),
  });
}
