import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';
import { formatTraceparent, parseTraceparent } from './traceparent.js';

/**
 * Hookline's spans, through `@opentelemetry/api`. Tracing is off until a tracer provider is given
 * (`useTracerProvider`: the app does it when OTLP export is configured; tests give one with an
 * in-memory exporter). While it is off, every helper here returns before allocating anything, so
 * the delivery path pays one null check.
 */
let tracer: Tracer | null = null;

export function useTracerProvider(provider: TracerProvider | null): void {
  tracer = provider ? provider.getTracer('hookline') : null;
}

export const tracingOn = (): boolean => tracer !== null;

export { SpanKind };
export type { Context, Span };

/** A context whose parent is the span a `traceparent` names; the root context when it names none. */
export function contextOf(traceparent: string | null | undefined): Context {
  const parent = parseTraceparent(traceparent);
  if (!parent) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, { ...parent, isRemote: true });
}

/** The `traceparent` of a span, for storing with a message or sending on a request. */
export const traceparentOf = (span: Span): string => formatTraceparent(span.spanContext());

export const contextWith = (span: Span): Context => trace.setSpan(ROOT_CONTEXT, span);

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  links?: Link[];
  /** Epoch ms, for a span recorded after the fact. */
  startTime?: number;
}

/** Starts a span under `parent`, or returns null while tracing is off. */
export function startSpan(name: string, parent: Context, options: SpanOptions = {}): Span | null {
  return tracer ? tracer.startSpan(name, options, parent) : null;
}

/** Ends a span, marking it failed with the error when one is given. */
export function endSpan(span: Span | null, error?: unknown): void {
  if (!span) return;
  if (error !== undefined) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
  }
  span.end();
}

/** Runs `fn` inside a span (none while tracing is off), ending it when `fn` settles. */
export async function inSpan<T>(
  name: string,
  parent: Context,
  options: SpanOptions,
  fn: (span: Span | null) => Promise<T>,
): Promise<T> {
  const span = startSpan(name, parent, options);
  if (!span) return fn(null);
  try {
    const result = await fn(span);
    span.end();
    return result;
  } catch (error) {
    endSpan(span, error);
    throw error;
  }
}
