import { canonicalEvent } from '../domain/events/catalog.js';
import { validateEvent } from '../domain/events/validate.js';
import type { ErrorDetail } from '../lib/errors.js';
import { stringifyJson } from '../lib/json.js';
import { buildComposeRequest, type ComposeTemplate } from './compose-request.js';
import { validateComposeTemplate } from './compose-validate.js';
import { composeView } from './compose-variables.js';
import type { RenderedRequest } from './format.js';
import { privacyOf, redactProfiles } from './privacy.js';

/** Renders a compose template against a sample (or given) event, without sending or signing. */
export interface ComposePreviewInput {
  template: unknown;
  /** A canonical event type; message.status by default. */
  eventType?: string;
  /** Event data; the catalog sample of eventType when absent. */
  data?: unknown;
  /** Stands in for the endpoint URL when the template has no url. */
  endpointUrl?: string;
  sendName?: boolean;
  sendPhoto?: boolean;
}

export type ComposePreview =
  | { ok: true; eventType: string; data: unknown; request: RenderedRequest }
  | { ok: false; errors: ErrorDetail[] };

export const PREVIEW_MESSAGE_ID = 'msg_preview';

export function previewCompose(input: ComposePreviewInput): ComposePreview {
  const eventType = input.eventType ?? 'message.status';
  const definition = canonicalEvent(eventType);
  if (!definition) return { ok: false, errors: validateEvent(eventType, input.data) };
  const templateErrors = validateComposeTemplate(input.template);
  const data = input.data === undefined ? definition.sample : input.data;
  const dataErrors = input.data === undefined ? [] : validateEvent(eventType, input.data, 'data');
  if (templateErrors.length > 0 || dataErrors.length > 0)
    return { ok: false, errors: [...templateErrors, ...dataErrors] };
  const shown = redactProfiles(
    eventType,
    data,
    privacyOf({ sendName: input.sendName, sendPhoto: input.sendPhoto }),
  );
  const view = composeView(eventType, PREVIEW_MESSAGE_ID, shown);
  const request = buildComposeRequest(
    input.template as ComposeTemplate,
    input.endpointUrl ?? 'https://example.com/webhook',
    view,
    stringifyJson(shown),
  );
  return { ok: true, eventType, data: shown, request };
}
