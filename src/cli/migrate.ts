import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../app/config.js';
import { openStore } from '../app/open-store.js';
import { pendingMigrations } from '../store/postgres/migrate.js';
import { describeTarget } from '../store/postgres/connection-errors.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';

/** `hookline migrate`: applies pending migrations and exits; safe while other nodes run or start. */
export function addMigrateCommand(program: Command): void {
  program.command('migrate')
    .description('apply pending database migrations and exit (PostgreSQL: safe while other nodes start)')
    .option('--database <url>', 'postgres:// URL (default: HOOKLINE_DATABASE_URL, else the SQLite file in the data folder)')
    .action(async (o: { database?: string }, cmd: Command) => {
      let config;
      try {
        config = loadConfig(process.env, { databaseUrl: o.database, dataDir: cmd.optsWithGlobals().dataDir, migrateOnStart: true });
      } catch (error) {
        if (error instanceof ConfigError) {
          console.error(`hookline: ${error.message}`);
          process.exit(2);
        }
        throw error;
      }
      if (config.databaseUrl === null) {
        const store = await openStore(config); // SQLite migrates on open
        await store.close();
        console.log(`SQLite database in ${config.dataDir} is up to date`);
        return;
      }
      // Read what is pending first, to report it; migrating itself takes the advisory lock.
      const probe = new PostgresStore({ url: config.databaseUrl, poolSize: 1 });
      let pending: number[];
      try {
        await probe.checkConnection();
        pending = await pendingMigrations(probe.pool);
      } finally {
        await probe.close();
      }
      const store = await openStore({ ...config, dbPoolSize: 2 });
      await store.close();
      const target = describeTarget(config.databaseUrl);
      console.log(pending.length === 0 ? `PostgreSQL at ${target} is up to date`
        : `PostgreSQL at ${target}: applied migration(s) ${pending.join(', ')}`);
    });
}
