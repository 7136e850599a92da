import { parse, stringify } from 'lossless-json';

/**
 * JSON pretty-printed from its text with lossless-json: integers beyond 2^53 (Viber message
 * tokens) print exactly as sent, where JSON.parse would round them.
 */
export function prettyJson(text: string): string {
  try {
    return stringify(parse(text), null, 2) ?? text;
  } catch {
    return text;
  }
}

export function JsonView({ text, label }: { text: string; label: string }) {
  return (
    <pre className="code" tabIndex={0} aria-label={label}>
      {prettyJson(text)}
    </pre>
  );
}
