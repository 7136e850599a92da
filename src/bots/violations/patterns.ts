/** Patterns the bot schemas share; describe-limit.ts gives the opaque ones readable names. */

/** A version-4 UUID, any letter case (ChatBot's `goto` target block). */
export const UUID_V4_PATTERN =
  '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$';

/** An international phone number: a plus and at least two digits. */
export const PHONE_PATTERN = '^\\+\\d{2,}$';
