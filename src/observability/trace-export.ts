import { useTracerProvider } from '../lib/tracing.js';

export interface TraceExportOptions {
  /** OTLP/HTTP traces endpoint, e.g. http://collector:4318/v1/traces. */
  url: string;
  /** Share of new traces sampled; a producer's sampled trace is always followed. */
  sampleRatio: number;
  version: string;
}

/**
 * Turns tracing on and exports spans over OTLP/HTTP in batches. Loaded only when configured, so a
 * Hookline without it never loads the SDK. Headers for the collector (an API key) come from the
 * standard OTEL_EXPORTER_OTLP_HEADERS / OTEL_EXPORTER_OTLP_TRACES_HEADERS variables, which the
 * exporter reads. Returns the shutdown, which sends what is still buffered.
 */
export async function startTraceExport(options: TraceExportOptions): Promise<() => Promise<void>> {
  const [sdk, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const provider = new sdk.BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'hookline',
      'service.version': options.version,
    }),
    sampler: new sdk.ParentBasedSampler({
      root: new sdk.TraceIdRatioBasedSampler(options.sampleRatio),
    }),
    spanProcessors: [new sdk.BatchSpanProcessor(new OTLPTraceExporter({ url: options.url }))],
  });
  useTracerProvider(provider);
  return async () => {
    useTracerProvider(null);
    await provider.shutdown();
  };
}
