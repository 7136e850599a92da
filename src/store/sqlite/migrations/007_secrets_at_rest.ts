/**
 * Secrets at rest (issue 12): secret columns now hold AES-256-GCM sealed values, which the store
 * writes itself (the key never reaches SQL; rows still in clear are sealed on start). Viber tokens
 * are found by a SHA-256 digest; `encryption_check` holds one value sealed under the key in use.
 */
export const sql = `
ALTER TABLE apps ADD COLUMN viber_auth_token_digest TEXT;
CREATE UNIQUE INDEX apps_viber_auth_token_digest ON apps(viber_auth_token_digest);
CREATE TABLE encryption_check (id TEXT PRIMARY KEY, sealed TEXT NOT NULL);
`;
