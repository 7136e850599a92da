/** Bot table rows as PostgreSQL returns them, and their mapping to domain records. */

export {
  botConnectionParams,
  toBotConnection,
  toBotInvocation,
  type BotConnectionRow,
  type BotInvocationRow,
} from '../shared-rows.js';

export const CONNECTION_COLUMNS = [
  'id',
  'app_id',
  'story_id',
  'name',
  'url',
  'token',
  'headers',
  'auth_username',
  'auth_password',
  'timeout_ms',
  'error_code',
  'error_message',
  'error_at',
  'created_at',
  'updated_at',
];
