// Module hooks for a child Node process: appends each loaded module's URL to $RECORD_IMPORTS.
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  appendFileSync(process.env.RECORD_IMPORTS, `${url}\n`);
  return nextLoad(url, context);
}
