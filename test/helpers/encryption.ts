import { randomBytes } from 'node:crypto';
import type { EncryptionKeys } from '../../src/lib/secret-box.js';

/** Keys for stores a test opens itself: one random key per test file, as a server would have. */
export const TEST_KEYS: EncryptionKeys = { current: randomBytes(32), previous: [] };

/** The same key as HOOKLINE_ENCRYPTION_KEY would give it (base64). */
export const TEST_KEY_TEXT = Buffer.from(TEST_KEYS.current).toString('base64');
