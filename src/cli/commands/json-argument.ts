import { readFileSync } from 'node:fs';

/** A JSON argument given inline or as @file; an error names the argument. */
export function readJsonArgument(name: string, raw: string): unknown {
  let text = raw;
  if (raw.startsWith('@')) {
    try {
      text = readFileSync(raw.slice(1), 'utf8');
    } catch (error) {
      throw new Error(`${name}: cannot read ${raw.slice(1)} (${(error as Error).message})`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${name}: not valid JSON (${(error as Error).message})`);
  }
}
