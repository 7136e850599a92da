/** Headers that describe one hop, not the request: the forwarder's own connection sets them. */
const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'content-length',
  'expect',
]);

/**
 * The URL a captured request is forwarded to: the target, plus what followed the bin id in the
 * captured path, plus the captured query after the target's own.
 */
export function forwardUrl(target: URL, subpath: string, query: string): string {
  const url = new URL(target.href);
  if (subpath !== '' && subpath !== '/')
    url.pathname = `${url.pathname.replace(/\/+$/, '')}${subpath}`;
  else if (subpath === '/' && !url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  const own = url.search.replace(/^\?/, '');
  url.search = [own, query].filter((part) => part !== '').join('&');
  return url.href;
}

/** The captured header pairs to send on, as undici's flat [name, value, ...] list (repeats kept). */
export function forwardHeaders(pairs: Array<[string, string]>): string[] {
  return pairs.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())).flat();
}
