import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newToken } from '../lib/ids.js';
import { ensurePrivateDir } from '../lib/private-files.js';

export interface AdminToken {
  token: string;
  /** True when it was generated now and must be shown once. */
  generated: boolean;
  file: string | null;
}

/** HOOKLINE_ADMIN_TOKEN when set; otherwise the one kept in <dataDir>/admin-token, created on first start. */
export function resolveAdminToken(configured: string | null, dataDir: string): AdminToken {
  if (configured !== null) return { token: configured, generated: false, file: null };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), generated: false, file };
  ensurePrivateDir(dataDir);
  const token = newToken('hkadm', 32);
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return { token, generated: true, file };
}
