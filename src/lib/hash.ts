import { createHash } from 'node:crypto';

/** API keys are long random tokens, so a plain SHA-256 is the right lookup hash. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
