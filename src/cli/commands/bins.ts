import type { Command } from 'commander';
import { integer, page } from '../arguments.js';
import { apiOf, query, seg, type GlobalFlags } from '../cli-api.js';
import { printList, printRecord, type Column } from '../output.js';

interface BinJson {
  id: string;
  url: string;
  appId: string | null;
  requestCount: number;
  expiresAt: string;
  expired: boolean;
}

const BIN_COLUMNS: Column<BinJson>[] = [
  { header: 'id', value: (b) => b.id },
  { header: 'url', value: (b) => b.url },
  { header: 'app', value: (b) => b.appId },
  { header: 'requests', value: (b) => b.requestCount },
  { header: 'expires', value: (b) => (b.expired ? 'expired' : b.expiresAt) },
];

/** `hookline bins ...`: inspector URLs that capture whatever is sent to them. */
export function addBinCommands(program: Command): void {
  const bins = program.command('bins').description('bins: URLs that capture what is sent to them');
  const { limit, cursor } = page();
  bins
    .command('create')
    .description('create a bin; prints its capture URL')
    .option('--app <appId>', 'owning app (an app key always creates bins for its own app)')
    .option('--status <code>', 'status every capture is answered with (200-599)', integer(200, 599))
    .option(
      '--expires-in <seconds>',
      'lifetime from now (default 7 days)',
      integer(1, 2_147_483_647),
    )
    .action(async (o: { app?: string; status?: number; expiresIn?: number }, cmd: Command) => {
      const body: Record<string, unknown> = {};
      if (o.app !== undefined) body.appId = o.app;
      if (o.status !== undefined) body.responseStatus = o.status;
      if (o.expiresIn !== undefined) body.expiresInSeconds = o.expiresIn;
      const api = await apiOf(cmd);
      await printRecord(cmd, await api.call('POST', '/api/v1/bins', body));
    });
  bins
    .command('list')
    .description('list bins')
    .option('--app <appId>', "admin only: one app's bins")
    .addOption(limit)
    .addOption(cursor)
    .action(async (o: { app?: string; limit?: number; cursor?: string }, cmd: Command) => {
      const api = await apiOf(cmd);
      const result = await api.call<{ data: BinJson[]; nextCursor: string | null }>(
        'GET',
        `/api/v1/bins${query({ appId: o.app, limit: o.limit, cursor: o.cursor })}`,
      );
      await printList(cmd, result, BIN_COLUMNS);
    });
  bins
    .command('delete')
    .argument('<binId>')
    .description('delete a bin and what it captured')
    .action(async (id: string, _o, cmd: Command) => {
      const api = await apiOf(cmd);
      await api.call('DELETE', `/api/v1/bins/${seg(id)}`);
      console.error(`deleted ${id}`);
    });
  bins
    .command('tail')
    .argument('<binId>')
    .description('print each request the bin captures, live, until Ctrl-C')
    .option('--since-start', 'first print what the bin already holds')
    .action(async (id: string, o: { sinceStart?: boolean }, cmd: Command) => {
      const { tailBin } = await import('./bin-tail.js');
      await tailBin(cmd.optsWithGlobals() as GlobalFlags, id, {
        fromStart: o.sinceStart === true,
        json: (await import('../output.js')).outputFormat(cmd) === 'json',
      });
    });
}
