import type { Command } from 'commander';
import type { Config } from '../app/config.js';

/**
 * The configuration for a command that opens the store itself (migrate, encryption rotate-key):
 * `--database` over HOOKLINE_DATABASE_URL, the global `--data-dir`; a bad setting exits 2 naming it.
 * Loaded in the action, so `--help` stays light.
 */
export async function storeConfigOrExit(
  databaseUrl: string | undefined,
  cmd: Command,
): Promise<Config> {
  const { ConfigError, loadConfig } = await import('../app/config.js');
  try {
    return loadConfig(process.env, { databaseUrl, dataDir: cmd.optsWithGlobals().dataDir });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`hookline: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}
