import { hash } from 'node:crypto';

/** API keys are long random tokens, so a plain SHA-256 is the right lookup hash. */
export function sha256Hex(value: string): string {
  // The one-shot form: no Hash object per call (several times cheaper on every API request).
  return hash('sha256', value, 'hex');
}

/**
 * Two hex digests of the same length compared in constant time: every character is looked at,
 * whatever differs (timingSafeEqual without turning them into buffers first).
 */
export function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
