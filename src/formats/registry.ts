import { businessFormat } from './business.js';
import { chatapiFormat } from './chatapi.js';
import { composeFormat } from './compose.js';
import type { WireFormat } from './format.js';
import { routeeFormat } from './routee.js';
import { standardFormat } from './standard.js';
import { viberFormat } from './viber.js';

/** Every wire format by name; endpoints pick one with `format`. */
const FORMATS = new Map<string, WireFormat>(
  [standardFormat, viberFormat, businessFormat, routeeFormat, chatapiFormat, composeFormat].map(
    (f) => [f.name, f],
  ),
);

export function getFormat(name: string): WireFormat | undefined {
  return FORMATS.get(name);
}

export function formatNames(): string[] {
  return [...FORMATS.keys()];
}
