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

/** What becomes of a header's value, by its name. */
const KEEP = 0;
const SCHEME = 1;
const REDACT = 2;
type Treatment = typeof KEEP | typeof SCHEME | typeof REDACT;

function treatmentOf(name: string): Treatment {
  const lower = name.toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') return SCHEME;
  return !KEPT.has(lower) && CREDENTIAL_NAME.test(lower) ? REDACT : KEEP;
}

/** By header name: every attempt of an endpoint sends the same few names. */
const treatments = new Map<string, Treatment>();
const TREATMENT_CACHE_SIZE = 10_000;

export function redactRequestHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name]!;
    let treatment = treatments.get(name);
    if (treatment === undefined) {
      treatment = treatmentOf(name);
      if (treatments.size >= TREATMENT_CACHE_SIZE) treatments.clear();
      treatments.set(name, treatment);
    }
    kept[name] =
      treatment === KEEP ? value : treatment === SCHEME ? redactAuthorization(value) : REDACTED;
  }
  return kept;
}
