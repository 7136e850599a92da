import type { Command } from 'commander';
import { page } from '../arguments.js';
import { apiOf, query, seg } from '../cli-api.js';
import { printList, printRecord, type Column } from '../output.js';

export interface AppJson {
  id: string;
  name: string;
  createdAt: string;
  apiKey?: string;
}

const APP_COLUMNS: Column<AppJson>[] = [
  { header: 'id', value: (a) => a.id },
  { header: 'name', value: (a) => a.name },
  { header: 'created', value: (a) => a.createdAt },
];

/** `hookline apps ...`: the tenants. */
export function addAppCommands(program: Command): void {
  const apps = program.command('apps').description('manage apps (tenants)');
  const { limit, cursor } = page();
  apps
    .command('list')
    .description('list apps')
    .addOption(limit)
    .addOption(cursor)
    .action(async (o: { limit?: number; cursor?: string }, cmd: Command) => {
      const api = await apiOf(cmd);
      const result = await api.call<{ data: AppJson[]; nextCursor: string | null }>(
        'GET',
        `/api/v1/apps${query({ limit: o.limit, cursor: o.cursor })}`,
      );
      await printList(cmd, result, APP_COLUMNS);
    });
  apps
    .command('create')
    .argument('<name>', 'a name people recognise')
    .description('create an app; prints its API key once')
    .action(async (name: string, _o, cmd: Command) => {
      const api = await apiOf(cmd);
      await printRecord(cmd, await api.call<AppJson>('POST', '/api/v1/apps', { name }));
    });
  apps
    .command('get')
    .argument('<appId>')
    .description('show an app')
    .action(async (id: string, _o, cmd: Command) => {
      const api = await apiOf(cmd);
      await printRecord(cmd, await api.call<AppJson>('GET', `/api/v1/apps/${seg(id)}`));
    });
  apps
    .command('delete')
    .argument('<appId>')
    .description('delete an app and everything it owns')
    .action(async (id: string, _o, cmd: Command) => {
      const api = await apiOf(cmd);
      await api.call('DELETE', `/api/v1/apps/${seg(id)}`);
      console.error(`deleted ${id}`);
    });
}
