/**
 * Every column that holds a secret in clear before sealing: what the store seals on write and opens
 * on read, what sealing-on-start and `hookline encryption rotate-key` walk. Each table's key is a
 * text `id`. `digest` names the column that keeps a SHA-256 of the plain value for lookups.
 */
export interface SecretColumn {
  table: string;
  column: string;
  digest?: string;
}

export const APP_VIBER_TOKEN = {
  table: 'apps',
  column: 'viber_auth_token',
  digest: 'viber_auth_token_digest',
} as const satisfies SecretColumn;
export const ENDPOINT_SECRETS = { table: 'endpoints', column: 'secrets' } as const;
/** Headers often carry credentials (`Authorization: Basic ...`, API keys): sealed whole. */
export const ENDPOINT_HEADERS = { table: 'endpoints', column: 'headers' } as const;
export const BOT_HEADERS = { table: 'bot_connections', column: 'headers' } as const;
export const BOT_TOKEN = { table: 'bot_connections', column: 'token' } as const;
export const BOT_PASSWORD = { table: 'bot_connections', column: 'auth_password' } as const;
/** One row sealed under the key in use: a database always shows which key it expects. */
export const KEY_CHECK = { table: 'encryption_check', column: 'sealed' } as const;

export const SECRET_COLUMNS: readonly SecretColumn[] = [
  KEY_CHECK,
  APP_VIBER_TOKEN,
  ENDPOINT_SECRETS,
  ENDPOINT_HEADERS,
  BOT_TOKEN,
  BOT_PASSWORD,
  BOT_HEADERS,
];

/** What a sealed value is bound to (AES-GCM associated data): its table and column. */
export const contextOf = (c: SecretColumn) => `${c.table}.${c.column}`;

/** The key check row's id and the text it seals. */
export const KEY_CHECK_ID = 'key';
export const KEY_CHECK_TEXT = 'hookline encryption check';
