import type { HttpMethod, RenderedRequest } from './format.js';
import { renderTemplate } from './compose-template.js';

/** A compose endpoint's template (formatOptions.template), checked by validateComposeTemplate. */
export interface ComposeTemplate {
  /** URL template; the endpoint URL (used literally) when absent. */
  url?: string;
  method?: HttpMethod;
  /** Header name -> value template. */
  headers?: Record<string, string>;
  /** Body template; the event payload as JSON when absent (POST/PUT). */
  body?: string;
  bodyFormat?: 'json' | 'form';
}

export const CONTENT_TYPES = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
} as const;

/** Renders the template against a view; the request is not signed yet. */
export function buildComposeRequest(
  template: ComposeTemplate,
  endpointUrl: string,
  view: unknown,
  payloadJson: string,
): RenderedRequest {
  const method = template.method ?? 'POST';
  const bodyFormat = template.bodyFormat ?? 'json';
  const url = template.url === undefined ? endpointUrl : renderTemplate(template.url, view, 'url');
  const headers: Record<string, string> = {};
  let body: string | null = null;
  if (method !== 'GET') {
    body =
      template.body === undefined ? payloadJson : renderTemplate(template.body, view, bodyFormat);
    headers['content-type'] =
      template.body === undefined ? CONTENT_TYPES.json : CONTENT_TYPES[bodyFormat];
  }
  for (const [name, value] of Object.entries(template.headers ?? {})) {
    headers[name.toLowerCase()] = renderTemplate(value, view, 'header');
  }
  return { method, url, headers, body };
}
