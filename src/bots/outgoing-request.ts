import type { BasicAuth } from '../domain/bots.js';
import type { HttpMethod, RenderedRequest } from '../formats/format.js';
import { TOKEN_HEADER } from './connections/header-rules.js';

/** What Hookline needs to call a receiver: where, and with which credentials. */
export interface ReceiverTarget {
  url: string;
  token: string | null;
  headers: Record<string, string>;
  auth: BasicAuth | null;
}

export const USER_AGENT = 'Hookline-Bots/1';

/**
 * A request to a receiver: the connection's headers, then Basic auth and the token header
 * (`x-hookline-token`) when set. Names are lower-cased so no header goes out twice.
 */
export function receiverRequest(
  target: ReceiverTarget,
  method: HttpMethod,
  url: string,
  body: string | null,
): RenderedRequest {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/json' };
  for (const [name, value] of Object.entries(target.headers)) headers[name.toLowerCase()] = value;
  if (body !== null) headers['content-type'] = 'application/json';
  if (target.auth) {
    const credentials = Buffer.from(
      `${target.auth.username}:${target.auth.password}`,
      'utf8',
    ).toString('base64');
    headers.authorization = `Basic ${credentials}`;
  }
  if (target.token !== null) headers[TOKEN_HEADER] = target.token;
  return { method, url, headers, body };
}
