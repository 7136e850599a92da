import { Command, InvalidArgumentError, Option } from 'commander';
import { cliCommands } from './commands.js';
import { hooklineVersion } from './version.js';

function port(raw: string): string {
  if (!/^\d+$/.test(raw) || Number(raw) > 65535)
    throw new InvalidArgumentError('expected an integer from 0 to 65535');
  return raw;
}

/** The `hookline` command with every subcommand; actions load their modules when they run. */
export function buildProgram(): Command {
  const program = new Command('hookline')
    .description('Self-hosted webhooks for messaging and chatbot APIs')
    .version(hooklineVersion(), '-V, --version', 'print the version')
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
    .addOption(
      new Option(
        '-o, --output <format>',
        'table or json (default: a table on a terminal, JSON when piped)',
      ).choices(['table', 'json']),
    )
    .option('--json', 'print JSON (same as --output json)')
    .showHelpAfterError('(add --help for usage)');

  program
    .command('serve')
    .description('run the API and the delivery worker')
    .option('-p, --port <port>', 'HTTP port (default 8080, env HOOKLINE_PORT)', port)
    .option('--host <host>', 'bind address (default 0.0.0.0)')
    .addOption(
      new Option('--log-level <level>', 'log level (default info)').choices([
        'fatal',
        'error',
        'warn',
        'info',
        'debug',
        'trace',
        'silent',
      ]),
    )
    .addOption(
      new Option('--role <role>', 'all, api or worker (default all)').choices([
        'all',
        'api',
        'worker',
      ]),
    )
    .option('--database <url>', 'postgres:// URL (default: embedded SQLite in the data folder)')
    .option('--no-migrate', 'do not apply migrations on start')
    .addOption(
      new Option(
        '--egress <policy>',
        'receivers reachable: public-only (default), public-and-loopback (development) or unrestricted',
      ).choices(['public-only', 'public-and-loopback', 'unrestricted']),
    )
    .option(
      '--api-rate-limit <n>',
      'requests one credential may make on /api/v1 per minute (HOOKLINE_API_RATE_LIMIT_WINDOW_MS); 0 = no limit (default 60000, env HOOKLINE_API_RATE_LIMIT)',
    )
    .option(
      '--db-pool-size <n>',
      'PostgreSQL connections per process (default 10, env HOOKLINE_DB_POOL_SIZE)',
    )
    .action(async (o, cmd) => {
      // Loaded only to serve: the server's modules would slow down every other command.
      const { serve } = await import('./serve.js');
      await serve({ ...o, dataDir: cmd.optsWithGlobals().dataDir });
    });

  for (const add of cliCommands) add(program);
  return program;
}
