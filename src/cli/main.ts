#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { addResourceCommands } from './resource-commands.js';
import { serve } from './serve.js';
import { cliCommands } from './commands.js';

function port(raw: string): string {
  if (!/^\d+$/.test(raw) || Number(raw) > 65535)
    throw new InvalidArgumentError('expected an integer from 0 to 65535');
  return raw;
}

function oneOf(values: string[]) {
  return (raw: string) => {
    if (!values.includes(raw))
      throw new InvalidArgumentError(`expected one of ${values.join(', ')}`);
    return raw;
  };
}

const program = new Command('hookline')
  .description('Self-hosted webhooks for messaging and chatbot APIs')
  .option(
    '--url <url>',
    'API base URL for client commands',
    process.env.HOOKLINE_URL ?? 'http://localhost:8080',
  )
  .option(
    '--token <token>',
    "API token (default: HOOKLINE_TOKEN, or the data folder's admin-token)",
  )
  .option('--data-dir <dir>', 'data folder', process.env.HOOKLINE_DATA_DIR ?? './data')
  .showHelpAfterError();

program
  .command('serve')
  .description('run the API and the delivery worker')
  .option('-p, --port <port>', 'HTTP port (default 8080, env HOOKLINE_PORT)', port)
  .option('--host <host>', 'bind address (default 0.0.0.0)')
  .option(
    '--log-level <level>',
    'fatal, error, warn, info, debug, trace or silent (default info)',
    oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  )
  .option('--role <role>', 'all, api or worker (default all)', oneOf(['all', 'api', 'worker']))
  .option('--database <url>', 'postgres:// URL (default: embedded SQLite in the data folder)')
  .option('--no-migrate', 'do not apply migrations on start')
  .option(
    '--egress <policy>',
    'receivers reachable: public-only (default), public-and-loopback (development) or unrestricted',
    oneOf(['public-only', 'public-and-loopback', 'unrestricted']),
  )
  .option(
    '--db-pool-size <n>',
    'PostgreSQL connections per process (default 10, env HOOKLINE_DB_POOL_SIZE)',
  )
  .action(async (o, cmd) => serve({ ...o, dataDir: cmd.optsWithGlobals().dataDir }));

addResourceCommands(program);
for (const add of cliCommands) add(program);

program.parseAsync(process.argv).catch((error: Error) => {
  console.error(`hookline: ${error.message}`);
  process.exit(1);
});
