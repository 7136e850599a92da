import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ApiClient } from './api-client.js';

interface SimulateFlags {
  overrides?: string;
  json?: boolean;
}

interface Simulation {
  messageId: string;
  sent: boolean;
  reason: string | null;
  matchesFilter: boolean;
  request: { method: string; url: string } | null;
  attempt: {
    statusCode: number | null;
    durationMs: number;
    responseBody: string;
    errorKind: string | null;
    errorMessage: string | null;
  } | null;
}

function overridesOf(raw: string): unknown {
  const text = raw.startsWith('@') ? readFileSync(raw.slice(1), 'utf8') : raw;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`--overrides: not valid JSON (${(error as Error).message})`);
  }
}

function summary(s: Simulation): string[] {
  if (!s.sent || !s.attempt || !s.request) return [`Not sent: ${s.reason}`];
  const a = s.attempt;
  const lines = [
    `${s.request.method} ${s.request.url}`,
    a.statusCode !== null
      ? `-> ${a.statusCode} in ${a.durationMs} ms`
      : `-> ${a.errorKind}: ${a.errorMessage} (${a.durationMs} ms)`,
  ];
  if (a.responseBody) lines.push(`Response: ${a.responseBody.slice(0, 500)}`);
  if (!s.matchesFilter)
    lines.push(
      "Note: the endpoint's filterTypes exclude this event type; real messages of this type would not be delivered to it.",
    );
  lines.push(`Recorded as a test attempt of message ${s.messageId}.`);
  return lines;
}

/** The app an endpoint belongs to, found through the apps the token can see. */
async function appOfEndpoint(api: ApiClient, endpointId: string): Promise<string> {
  let cursor: string | null = null;
  do {
    const page: { data: Array<{ id: string }>; nextCursor: string | null } = await api.call(
      'GET',
      `/api/v1/apps?limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    for (const app of page.data) {
      try {
        await api.call(
          'GET',
          `/api/v1/apps/${encodeURIComponent(app.id)}/endpoints/${encodeURIComponent(endpointId)}`,
        );
        return app.id;
      } catch {
        // not this app's endpoint
      }
    }
    cursor = page.nextCursor;
  } while (cursor);
  throw new Error(`no endpoint ${endpointId} in the apps this token can see`);
}

/** `hookline simulate [appId] <endpointId> <eventType>`: the event simulator from the terminal. */
export function addSimulateCommand(program: Command): void {
  program
    .command('simulate <args...>')
    .usage('[appId] <endpointId> <eventType> [options]')
    .description(
      'send a realistic, signed sample of an event to an endpoint now and show the result (the app is found when omitted)',
    )
    .option('--overrides <json>', 'JSON (or @file) merged into the sample; null removes a field')
    .option('--json', 'print the whole API answer as JSON')
    .action(async (args: string[], flags: SimulateFlags, cmd: Command) => {
      if (args.length < 2 || args.length > 3)
        throw new Error('usage: hookline simulate [appId] <endpointId> <eventType>');
      const global = cmd.optsWithGlobals() as { url: string; token?: string; dataDir: string };
      const { ApiClient } = await import('./api-client.js');
      const api = new ApiClient({
        url: global.url,
        token: global.token ?? null,
        dataDir: global.dataDir,
      });
      const [endpointId, eventType] = args.slice(-2);
      const appId = args.length === 3 ? args[0] : await appOfEndpoint(api, endpointId);
      const body: Record<string, unknown> = { eventType };
      if (flags.overrides !== undefined) body.overrides = overridesOf(flags.overrides);
      const result = await api.call<Simulation>(
        'POST',
        `/api/v1/apps/${encodeURIComponent(appId)}/endpoints/${encodeURIComponent(endpointId)}/simulate`,
        body,
      );
      if (flags.json) console.log(JSON.stringify(result, null, 2));
      else for (const line of summary(result)) console.log(line);
      if (!result.sent || result.attempt?.errorKind) process.exitCode = 1;
    });
}
