/**
 * The request headers an attempt keeps, for the console's attempt timeline: what was sent, minus
 * credentials. Signatures stay (they prove nothing without the secret and help debug a mismatch);
 * `Authorization` keeps only its scheme (`Basic [redacted]`), and any header whose name says it
 * carries a credential (a custom `X-Api-Key`, a token, a cookie) is replaced whole.
 */
export const REDACTED = '[redacted]';

const CREDENTIAL_NAME = /(^|-)(cookie|password|passwd|secret|token|api-?key|auth)($|-)|apikey/i;
/** Headers named like credentials that are signatures or public, kept as sent. */
const KEPT = new Set(['x-viber-content-signature', 'webhook-signature', 'signature']);

function redactAuthorization(value: string): string {
  const scheme = /^\s*([A-Za-z][A-Za-z0-9._~+-]*)\s+\S/.exec(value);
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}

export function redactRequestHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'authorization' || lower === 'proxy-authorization')
      kept[name] = redactAuthorization(value);
    else if (!KEPT.has(lower) && CREDENTIAL_NAME.test(lower)) kept[name] = REDACTED;
    else kept[name] = value;
  }
  return kept;
}
