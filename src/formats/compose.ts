import { parseJsonLossless } from '../lib/json.js';
import { buildComposeRequest, type ComposeTemplate } from './compose-request.js';
import { validateComposeTemplate } from './compose-validate.js';
import { composeView } from './compose-variables.js';
import { checkOptions, PRIVACY_CHECKS } from './format-options.js';
import type { RenderInput, RenderedRequest, WireFormat } from './format.js';
import { privacyOf, redactPayloadText } from './privacy.js';
import { standardHeadersFor } from './standard-headers.js';

/**
 * User-defined requests (formatOptions.template): URL, method, header and body templates with
 * `@{{payload.field}}` variables. Any event type renders (variables it lacks are empty). Signed
 * with Standard Webhooks headers on top of the template's own headers.
 */
export const composeFormat: WireFormat = {
  name: 'compose',
  render(input: RenderInput): RenderedRequest {
    const { message, endpoint } = input;
    const template = (endpoint.formatOptions.template ?? {}) as ComposeTemplate;
    const payloadJson = redactPayloadText(
      message.eventType,
      message.payload,
      privacyOf(endpoint.formatOptions),
    );
    const view = composeView(message.eventType, message.id, parseJsonLossless(payloadJson));
    const request = buildComposeRequest(template, endpoint.url, view, payloadJson);
    return {
      ...request,
      headers: {
        ...endpoint.headers,
        ...request.headers,
        ...standardHeadersFor(input, request.body),
      },
    };
  },
  validateOptions(options) {
    const { template, ...rest } = options;
    return [...validateComposeTemplate(template), ...checkOptions(rest, PRIVACY_CHECKS)];
  },
};
