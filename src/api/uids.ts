import { Type } from '@sinclair/typebox';
import { invalidField } from '../lib/errors.js';

/** Svix's uid: 1–256 of letters, digits, `-`, `_` and `.`. */
export const Uid = Type.String({ minLength: 1, maxLength: 256, pattern: '^[a-zA-Z0-9\\-_.]+$' });

/** A path segment naming an object by id or by uid. */
export const IdOrUid = Type.String({ minLength: 1, maxLength: 256 });

const ID_PREFIX = { app: 'app_', endpoint: 'ep_' } as const;

/**
 * The uid to store, or null to clear. Paths take an id or a uid and try the id first, so a uid
 * shaped like an id of its kind could hide another object: it is refused.
 */
export function checkedUid(kind: keyof typeof ID_PREFIX, uid: string | null): string | null {
  if (uid !== null && uid.startsWith(ID_PREFIX[kind]))
    throw invalidField('uid', `must not start with ${ID_PREFIX[kind]}, which ${kind} ids use`);
  return uid;
}
