import { InvalidArgumentError, type Command } from 'commander';
import type { GlobalFlags } from '../cli-api.js';
import type { ListenFlags } from './listen.js';

function targetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidArgumentError('expected an absolute URL, e.g. http://localhost:3000/webhooks');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidArgumentError('expected an http or https URL');
  return url;
}

function milliseconds(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 600_000)
    throw new InvalidArgumentError('expected milliseconds from 1 to 600000');
  return Number(raw);
}

export function addListenCommand(program: Command): void {
  program
    .command('listen')
    .description('capture webhooks in a bin and forward each one live to a local URL')
    .requiredOption(
      '--forward <url>',
      'where to forward captured requests, e.g. http://localhost:3000/webhooks',
      targetUrl,
    )
    .option('--bin <binId>', 'attach to this bin (default: create a new one)')
    .option('--timeout <ms>', 'how long to wait for the target per request', milliseconds, 10_000)
    .action(async (flags: ListenFlags, cmd: Command) => {
      const { listen } = await import('./listen.js');
      await listen(flags, cmd.optsWithGlobals() as GlobalFlags);
    });
}
