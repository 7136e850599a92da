import { canonicalEvents } from '../domain/events/catalog.js';
import type { ErrorDetail } from '../lib/errors.js';
import { stringifyJson } from '../lib/json.js';
import { buildComposeRequest, type ComposeTemplate } from './compose-request.js';
import { checkTemplate, positionText, TAGS, type TemplateContext } from './compose-template.js';
import { composeView, isKnownVariable } from './compose-variables.js';

/** Save-time checks of formatOptions.template; every problem names its field (relative to formatOptions) and position. */
const TEMPLATE_KEYS = ['url', 'method', 'headers', 'body', 'bodyFormat'];
const METHODS = ['GET', 'POST', 'PUT'];
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const MAX_TEMPLATE = 65_536;
/** Set by Hookline or by HTTP itself; a template may not write them. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
]);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function checkText(
  field: string,
  value: unknown,
  context: TemplateContext,
  max = MAX_TEMPLATE,
): ErrorDetail[] {
  if (typeof value !== 'string') return [{ field, message: 'must be a string' }];
  if (value.length > max) return [{ field, message: `must be at most ${max} characters` }];
  return checkTemplate(value, isKnownVariable).map((p) => ({
    field,
    message: `${p.message} at ${positionText(value, p.position)}`,
  }));
}

/** Scheme and host must be literal: a variable may not pick the host a request goes to. */
function checkUrlShape(url: string, base: string): ErrorDetail[] {
  const field = `${base}.url`;
  if (!/^https?:\/\//i.test(url))
    return [{ field, message: 'must start with http:// or https://' }];
  const firstTag = url.indexOf(TAGS[0]);
  const authorityEnd = url.slice(url.indexOf('//') + 2).search(/[/?#]/);
  const pathStart = authorityEnd === -1 ? url.length : url.indexOf('//') + 2 + authorityEnd;
  if (firstTag !== -1 && firstTag < pathStart) {
    return [
      {
        field,
        message: `variables are allowed in the path and query only, not at ${positionText(url, firstTag)}`,
      },
    ];
  }
  return [];
}

function structuralErrors(template: Record<string, unknown>, base: string): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  for (const key of Object.keys(template)) {
    if (!TEMPLATE_KEYS.includes(key))
      errors.push({
        field: `${base}.${key}`,
        message: `unknown key; known: ${TEMPLATE_KEYS.join(', ')}`,
      });
  }
  const { url, method, headers, body, bodyFormat } = template;
  if (url !== undefined) {
    const urlErrors = checkText(`${base}.url`, url, 'url', 2048);
    errors.push(...(urlErrors.length > 0 ? urlErrors : checkUrlShape(url as string, base)));
  }
  if (method !== undefined && !METHODS.includes(method as string)) {
    errors.push({ field: `${base}.method`, message: `must be one of ${METHODS.join(', ')}` });
  }
  if (bodyFormat !== undefined && bodyFormat !== 'json' && bodyFormat !== 'form') {
    errors.push({ field: `${base}.bodyFormat`, message: 'must be json or form' });
  }
  if (headers !== undefined) {
    if (!isRecord(headers))
      errors.push({ field: `${base}.headers`, message: 'must be an object of header templates' });
    else {
      for (const [name, value] of Object.entries(headers)) {
        const field = `${base}.headers.${name}`;
        if (!HEADER_NAME.test(name)) errors.push({ field, message: 'is not a valid header name' });
        else if (RESERVED_HEADERS.has(name.toLowerCase()))
          errors.push({ field, message: 'this header is set by Hookline' });
        else errors.push(...checkText(field, value, 'header', 8192));
      }
    }
  }
  if (body !== undefined) {
    if (method === 'GET')
      errors.push({ field: `${base}.body`, message: 'a GET request has no body' });
    else errors.push(...checkText(`${base}.body`, body, bodyFormat === 'form' ? 'form' : 'json'));
  } else if (bodyFormat === 'form' && method !== 'GET') {
    errors.push({ field: `${base}.body`, message: 'is required when bodyFormat is form' });
  }
  return errors;
}

/** Renders the template against every catalog sample: URLs must parse, JSON bodies must be JSON. */
function sampleErrors(template: ComposeTemplate, base: string): ErrorDetail[] {
  for (const event of canonicalEvents()) {
    const view = composeView(event.type, 'msg_sample', event.sample);
    const request = buildComposeRequest(
      template,
      'https://example.com/',
      view,
      stringifyJson(event.sample),
    );
    try {
      const url = new URL(request.url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    } catch {
      return [
        {
          field: `${base}.url`,
          message: `does not render to a valid http(s) URL for ${event.type}: ${request.url}`,
        },
      ];
    }
    if (template.body !== undefined && (template.bodyFormat ?? 'json') === 'json') {
      try {
        JSON.parse(request.body ?? '');
      } catch (error) {
        return [
          {
            field: `${base}.body`,
            message: `does not render to valid JSON for ${event.type}: ${(error as Error).message}`,
          },
        ];
      }
    }
  }
  return [];
}

/** `base` names the template in error details: fields are relative to formatOptions (the endpoint API prefixes them), as in the preview body. */
export function validateComposeTemplate(template: unknown, base = 'template'): ErrorDetail[] {
  if (template === undefined)
    return [{ field: base, message: 'is required for the compose format' }];
  if (!isRecord(template))
    return [{ field: base, message: 'must be an object {url, method, headers, body, bodyFormat}' }];
  const errors = structuralErrors(template, base);
  return errors.length > 0 ? errors : sampleErrors(template as ComposeTemplate, base);
}
