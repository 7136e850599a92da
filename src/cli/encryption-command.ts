import type { Command } from 'commander';
import { startProgress } from './progress.js';
import { storeConfigOrExit } from './store-config.js';

/**
 * `hookline encryption ...`: the key that seals secrets at rest (docs/operations.md#encryption-key).
 * Only commander and the progress helper load with `--help`; the rest loads in the action.
 */
export function addEncryptionCommands(program: Command): void {
  const encryption = program
    .command('encryption')
    .description(
      'the key that seals endpoint secrets, Viber and bot tokens, and passwords at rest',
    );

  encryption
    .command('generate-key')
    .description('print a new random key for HOOKLINE_ENCRYPTION_KEY (base64 of 32 bytes)')
    .action(async () => {
      const { newKeyText } = await import('../lib/secret-box.js');
      console.log(newKeyText());
    });

  encryption
    .command('rotate-key')
    .description(
      're-seal every stored secret under the new key, in batches (run again to resume): ' +
        'HOOKLINE_ENCRYPTION_KEY with the old key in HOOKLINE_ENCRYPTION_PREVIOUS_KEYS, or, ' +
        "with the data folder's key file, a generated one",
    )
    .option(
      '--database <url>',
      'postgres:// URL (default: HOOKLINE_DATABASE_URL, else the SQLite file in the data folder)',
    )
    .option('--batch-size <n>', 'rows re-sealed per transaction (default 500)', '500')
    .action(async (o: { database?: string; batchSize: string }, cmd: Command) => {
      const batchSize = Number(o.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
        console.error('hookline: --batch-size: expected an integer from 1 to 10000');
        process.exit(2);
      }
      const config = await storeConfigOrExit(o.database, cmd);
      const { rotateEncryptionKey } = await import('../app/rotate-key.js');
      const progress = await startProgress('re-sealing secrets');
      let summary: string;
      try {
        summary = await rotateEncryptionKey(config, {
          batchSize,
          onProgress: (done, total) => progress.update(done, total),
        });
      } catch (error) {
        progress.stop();
        console.error(`hookline: ${(error as Error).message}`);
        process.exit(1);
      }
      progress.stop();
      console.log(summary);
    });
}
