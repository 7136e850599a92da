import type { Command } from 'commander';
import { startProgress } from './progress.js';
import { storeConfigOrExit } from './store-config.js';

/** `hookline migrate`: applies pending migrations and exits; safe while other nodes run or start. */
export function addMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description(
      'apply pending database migrations and exit (PostgreSQL: safe while other nodes start)',
    )
    .option(
      '--database <url>',
      'postgres:// URL (default: HOOKLINE_DATABASE_URL, else the SQLite file in the data folder)',
    )
    .action(async (o: { database?: string }, cmd: Command) => {
      const config = await storeConfigOrExit(o.database, cmd);
      const { migrateDatabase } = await import('../app/migrate-database.js');
      const progress = await startProgress('applying migrations');
      let summary: string;
      try {
        summary = await migrateDatabase(config);
      } finally {
        progress.stop();
      }
      console.log(summary);
    });
}
