import { InvalidArgumentError, Option, type Command } from 'commander';
import { integer } from '../arguments.js';
import { apiOf, seg } from '../cli-api.js';
import { printRecord } from '../output.js';

const MINUTE_MS = 60_000;
const MAX_SESSION_MS = 90 * 24 * 60 * MINUTE_MS;

function hexColor(raw: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(raw)) throw new InvalidArgumentError('expected #rrggbb');
  return raw;
}

interface LinkFlags {
  sessionTtlMs?: number;
  primaryColor?: string;
  logoUrl?: string;
  mode?: 'light' | 'dark';
}

function linkBody(o: LinkFlags): Record<string, unknown> {
  const theme: Record<string, string> = {};
  if (o.primaryColor !== undefined) theme.primaryColor = o.primaryColor;
  if (o.logoUrl !== undefined) theme.logoUrl = o.logoUrl;
  if (o.mode !== undefined) theme.mode = o.mode;
  const body: Record<string, unknown> = {};
  if (Object.keys(theme).length > 0) body.theme = theme;
  if (o.sessionTtlMs !== undefined) body.sessionTtlMs = o.sessionTtlMs;
  return body;
}

/** `hookline portal ...`: one-time links that open an app's own view of its webhooks. */
export function addPortalCommands(program: Command): void {
  const portal = program
    .command('portal')
    .description("portal links: an app's customers see and manage their own webhooks");
  portal
    .command('link')
    .argument('<appId>')
    .description('open a portal session for the app; prints its one-time link')
    .option(
      '--session-ttl-ms <ms>',
      'how long the session lasts once opened (60000-7776000000)',
      integer(MINUTE_MS, MAX_SESSION_MS),
    )
    .option('--primary-color <hex>', 'theme colour, #rrggbb', hexColor)
    .option('--logo-url <url>', 'theme logo, an https URL')
    .addOption(new Option('--mode <mode>', 'theme mode').choices(['light', 'dark']))
    .action(async (appId: string, o: LinkFlags, cmd: Command) => {
      const api = await apiOf(cmd);
      await printRecord(
        cmd,
        await api.call('POST', `/api/v1/apps/${seg(appId)}/portal-sessions`, linkBody(o)),
      );
    });
  portal
    .command('end')
    .argument('<appId>')
    .description('end every portal session of the app, and its links not used yet')
    .action(async (appId: string, _o, cmd: Command) => {
      const api = await apiOf(cmd);
      await printRecord(
        cmd,
        await api.call('DELETE', `/api/v1/apps/${seg(appId)}/portal-sessions`),
      );
    });
}
