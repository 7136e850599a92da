import Mustache from 'mustache';
import { stringifyJson } from '../lib/json.js';

/**
 * Compose templates: mustache with the platform's `@{{` `}}` tags, variables only (no sections,
 * partials or triple braces). Mustache parses; this file checks tags and substitutes values with
 * the escaping the surrounding text needs.
 */
export const TAGS: [string, string] = ['@{{', '}}'];

/** Where a template's output goes decides how a value is escaped. */
export type TemplateContext = 'url' | 'header' | 'json' | 'form';

export interface TemplateProblem {
  position: number;
  message: string;
}

type Token = [type: string, value: string, start: number, end: number];

export function positionText(template: string, position: number): string {
  const before = template.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `position ${position} (line ${line}, column ${column})`;
}

function parseError(template: string, error: Error): TemplateProblem {
  const at = Number(/at (\d+)/.exec(error.message)?.[1] ?? 0);
  if (/section/i.test(error.message)) {
    const position = template.search(/@\{\{\s*[#^/]/);
    return {
      position: Math.max(position, 0),
      message: 'sections are not supported; use @{{variable}} tags only',
    };
  }
  if (/unclosed tag/i.test(error.message)) {
    return {
      position: Math.max(template.lastIndexOf(TAGS[0], at), 0),
      message: `unclosed tag: ${TAGS[0]} without ${TAGS[1]}`,
    };
  }
  return { position: at, message: `malformed template: ${error.message}` };
}

/** Parses and checks every tag against `isKnown`; problems carry the position of the offending tag. */
export function checkTemplate(
  template: string,
  isKnown: (name: string) => boolean,
): TemplateProblem[] {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(template, TAGS) as unknown as Token[];
  } catch (error) {
    return [parseError(template, error as Error)];
  }
  const problems: TemplateProblem[] = [];
  for (const [type, value, start] of tokens) {
    if (type === 'text') continue;
    if (type !== 'name') {
      problems.push({
        position: start,
        message: `unsupported tag "${type}"; use @{{variable}} tags only`,
      });
    } else if (value === '' || !isKnown(value)) {
      problems.push({ position: start, message: `unknown variable "${value}"` });
    }
  }
  return problems;
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return stringifyJson(value);
  return String(value);
}

const formEncode = (text: string) => new URLSearchParams([['', text]]).toString().slice(1);

function escapeFor(context: TemplateContext, value: unknown, inJsonString: boolean): string {
  switch (context) {
    case 'url':
      return encodeURIComponent(asText(value));
    case 'form':
      return formEncode(asText(value));
    case 'header':
      return asText(value).replace(/[\u0000-\u001f\u007f]+/g, ' ');
    case 'json':
      if (inJsonString) return stringifyJson(asText(value)).slice(1, -1);
      return value === undefined ? 'null' : stringifyJson(value);
  }
}

/** Tracks whether the end of `text` is inside a JSON string, starting from `inString`. */
function jsonStringState(text: string, inString: boolean): boolean {
  let escaped = false;
  for (const ch of text) {
    if (escaped) escaped = false;
    else if (inString && ch === '\\') escaped = true;
    else if (ch === '"') inString = !inString;
  }
  return inString;
}

/**
 * Renders a checked template. In JSON bodies a tag inside quotes becomes escaped string content
 * and a tag outside quotes becomes a JSON value (null when missing).
 */
export function renderTemplate(template: string, view: unknown, context: TemplateContext): string {
  const tokens = Mustache.parse(template, TAGS) as unknown as Token[];
  const lookup = new Mustache.Context(view);
  let out = '';
  let inString = false;
  for (const [type, value] of tokens) {
    if (type === 'text') {
      out += value;
      if (context === 'json') inString = jsonStringState(value, inString);
    } else if (type === 'name') {
      out += escapeFor(context, lookup.lookup(value) as unknown, inString);
    }
  }
  return out;
}
