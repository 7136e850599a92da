import { Type } from '@sinclair/typebox';
import { parseTraceparent, formatTraceparent } from '../lib/traceparent.js';
import { SpanKind, contextOf, endSpan, startSpan, traceparentOf } from '../lib/tracing.js';
import type { NewMessage } from '../store/store.js';

/** The `traceparent` request header, documented on every route that accepts messages. */
export const TraceparentHeader = Type.Optional(
  Type.String({
    maxLength: 512,
    description:
      "W3C Trace Context of the producer's span: carried to the deliveries' requests (unless the endpoint sets propagateTraceContext false), and the parent of Hookline's ingest span when tracing is on. An invalid one is ignored.",
  }),
);

/**
 * Accepting messages, traced: an ingest span, child of the producer's `traceparent`, whose context
 * is stored with each message so that its deliveries (later, maybe in another process) continue
 * the same trace. With tracing off, the producer's own `traceparent` (when valid) is stored, so
 * deliveries still carry it to receivers.
 */
export async function traceIngest<T>(
  appId: string,
  messages: NewMessage[],
  traceparent: string | string[] | undefined,
  insert: () => Promise<T>,
): Promise<T> {
  const header = typeof traceparent === 'string' ? traceparent : undefined;
  const span = startSpan('hookline.ingest', contextOf(header), {
    kind: SpanKind.PRODUCER,
    attributes: { 'hookline.app_id': appId, 'hookline.messages': messages.length },
  });
  if (!span) {
    const given = parseTraceparent(header);
    if (given) for (const m of messages) m.traceContext = formatTraceparent(given);
    return insert();
  }
  const context = traceparentOf(span);
  for (const m of messages) m.traceContext = context;
  if (messages.length === 1) span.setAttribute('hookline.message_id', messages[0]!.id);
  try {
    const result = await insert();
    span.end();
    return result;
  } catch (error) {
    endSpan(span, error);
    throw error;
  }
}
