import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canonicalEvent } from '../../src/domain/events/catalog.js';
import { stringifyJson } from '../../src/lib/json.js';
import { parseTraceparent } from '../../src/lib/traceparent.js';
import { useTracerProvider } from '../../src/lib/tracing.js';
import {
  createTenant,
  removeDataDirs,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

/**
 * Traces: a producer's W3C traceparent reaches the receiver (tracing on or off, unless the
 * endpoint turns it off), and with a tracer provider Hookline's spans form one trace from
 * acceptance to delivery, across a restart in between.
 */
const PRODUCER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PRODUCER_SPAN = '00f067aa0ba902b7';
const TRACEPARENT = `00-${PRODUCER_TRACE}-${PRODUCER_SPAN}-01`;

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  removeDataDirs();
});

async function post(
  h: TestHookline,
  path: string,
  body: unknown,
  traceparent?: string,
): Promise<string[]> {
  const res = await h.api('POST', path, body, {
    headers: traceparent === undefined ? {} : { traceparent },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return 'data' in res.body ? res.body.data.map((m: { id: string }) => m.id) : [res.body.id];
}

/** The traceparent each message's request arrived with (undefined: none), by message id. */
async function deliveredTraceparents(
  h: TestHookline,
  count: number,
): Promise<Map<string, string | undefined>> {
  const before = receiver.requests.length;
  await h.dispatcher.drainDue();
  const got = (await receiver.waitFor(before + count)).slice(before);
  return new Map(
    got.map((r) => [
      `${r.url}:${String(r.headers['webhook-id'])}`,
      r.headers.traceparent as string | undefined,
    ]),
  );
}

describe('traceparent propagation with tracing off', () => {
  let h: TestHookline;
  beforeAll(async () => {
    h = await startHookline();
  });
  afterAll(() => h.close());

  it('carries the producer traceparent to each endpoint that keeps it on, and to no other', async () => {
    const on = await createTenant(h, { url: `${receiver.url}/on` });
    const off = await h.api('POST', `/api/v1/apps/${on.appId}/endpoints`, {
      url: `${receiver.url}/off`,
      propagateTraceContext: false,
    });
    expect(off.status).toBe(201);
    expect(off.body.propagateTraceContext).toBe(false);

    const [id] = await post(
      h,
      `/api/v1/apps/${on.appId}/messages`,
      { eventType: 'message.status', payload: { status: 'read' } },
      TRACEPARENT,
    );
    const sent = await deliveredTraceparents(h, 2);
    expect(sent.get(`/on:${id}`)).toBe(TRACEPARENT);
    expect(sent.has(`/off:${id}`)).toBe(true);
    expect(sent.get(`/off:${id}`)).toBeUndefined();

    // The attempt records what was sent.
    const attempts = await h.api('GET', `/api/v1/apps/${on.appId}/messages/${id}/attempts`);
    const onAttempt = attempts.body.data.find(
      (a: { endpointId: string }) => a.endpointId === on.endpointId,
    );
    expect(onAttempt.requestHeaders.traceparent).toBe(TRACEPARENT);

    // Switched back on with PATCH; a wrong type is a 400 naming the field.
    const patched = await h.api('PATCH', `/api/v1/apps/${on.appId}/endpoints/${off.body.id}`, {
      propagateTraceContext: true,
    });
    expect(patched.body.propagateTraceContext).toBe(true);
    const bad = await h.api('PATCH', `/api/v1/apps/${on.appId}/endpoints/${off.body.id}`, {
      propagateTraceContext: 'no',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('propagateTraceContext');
    await h.api('DELETE', `/api/v1/apps/${on.appId}/endpoints/${off.body.id}`);
  });

  it('sends none without a valid traceparent, and carries one given on a batch or an event', async () => {
    const t = await createTenant(h, { url: `${receiver.url}/batch` }, 'Batch');
    const [plain] = await post(h, `/api/v1/apps/${t.appId}/messages`, {
      eventType: 'message.status',
      payload: {},
    });
    const [invalid] = await post(
      h,
      `/api/v1/apps/${t.appId}/messages`,
      { eventType: 'message.status', payload: {} },
      `00-${'0'.repeat(32)}-${PRODUCER_SPAN}-01`,
    );
    const batch = await post(
      h,
      `/api/v1/apps/${t.appId}/messages/batch`,
      {
        messages: [
          { eventType: 'a.b', payload: {} },
          { eventType: 'a.c', payload: {} },
        ],
      },
      TRACEPARENT,
    );
    const [event] = await post(
      h,
      `/api/v1/apps/${t.appId}/events`,
      {
        type: 'message.received',
        data: JSON.parse(stringifyJson(canonicalEvent('message.received')?.sample)),
      },
      TRACEPARENT,
    );
    const sent = await deliveredTraceparents(h, 5);
    expect(sent.get(`/batch:${plain}`)).toBeUndefined();
    expect(sent.get(`/batch:${invalid}`)).toBeUndefined();
    for (const id of [...batch, event]) expect(sent.get(`/batch:${id}`)).toBe(TRACEPARENT);
  });
});

describe('spans, with an in-memory exporter', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  beforeAll(() => useTracerProvider(provider));
  afterEach(() => exporter.reset());
  afterAll(async () => {
    useTracerProvider(null);
    await provider.shutdown();
  });

  const named = (spans: ReadableSpan[], name: string) => spans.filter((s) => s.name === name);
  const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

  it('ingest, claim, deliver, render and sign, HTTP and commit: one trace, across a restart', async () => {
    const first = await startHookline();
    const t = await createTenant(first, { url: `${receiver.url}/traced` });
    const [id] = await post(
      first,
      `/api/v1/apps/${t.appId}/messages`,
      { eventType: 'message.status', payload: { status: 'sent' } },
      TRACEPARENT,
    );
    await first.close();
    // Accepted by one process, delivered by the next: the context waited in the store.
    const second = await startHookline({ dataDir: first.dataDir });
    try {
      const before = receiver.requests.length;
      await second.dispatcher.drainDue();
      const [request] = (await receiver.waitFor(before + 1)).slice(before);
      const spans = exporter.getFinishedSpans();

      const [ingest] = named(spans, 'hookline.ingest');
      expect(ingest.spanContext().traceId).toBe(PRODUCER_TRACE);
      expect(parentOf(ingest)).toBe(PRODUCER_SPAN);
      expect(ingest.attributes['hookline.message_id']).toBe(id);

      const [claim] = named(spans, 'hookline.claim');
      expect(claim.attributes['hookline.claimed']).toBe(1);

      const [deliver] = named(spans, 'hookline.deliver');
      expect(deliver.spanContext().traceId).toBe(PRODUCER_TRACE);
      expect(parentOf(deliver)).toBe(ingest.spanContext().spanId);
      expect(deliver.links.map((l) => l.context.spanId)).toEqual([claim.spanContext().spanId]);
      expect(deliver.attributes).toMatchObject({
        'hookline.message_id': id,
        'hookline.endpoint_id': t.endpointId,
        'hookline.outcome': 'succeeded',
      });

      const deliverId = deliver.spanContext().spanId;
      const [render] = named(spans, 'hookline.render_and_sign');
      const [http] = named(spans, 'hookline.http');
      const [commit] = named(spans, 'hookline.commit');
      for (const child of [render, http, commit]) expect(parentOf(child)).toBe(deliverId);
      expect(http.attributes['http.response.status_code']).toBe(200);

      // The receiver joins the trace under Hookline's HTTP span.
      const sent = parseTraceparent(request.headers.traceparent as string);
      expect(sent).toMatchObject({
        traceId: PRODUCER_TRACE,
        spanId: http.spanContext().spanId,
      });
    } finally {
      await second.close();
    }
  });

  it('starts a trace of its own when the producer sends none', async () => {
    const h = await startHookline();
    try {
      const t = await createTenant(h, { url: `${receiver.url}/own` });
      await post(h, `/api/v1/apps/${t.appId}/messages`, { eventType: 'x.y', payload: {} });
      await h.dispatcher.drainDue();
      const spans = exporter.getFinishedSpans();
      const [ingest] = named(spans, 'hookline.ingest');
      const [deliver] = named(spans, 'hookline.deliver');
      expect(parentOf(ingest)).toBeUndefined();
      expect(deliver.spanContext().traceId).toBe(ingest.spanContext().traceId);
      expect(parentOf(deliver)).toBe(ingest.spanContext().spanId);
    } finally {
      await h.close();
    }
  });
});
