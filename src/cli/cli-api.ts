import type { Command } from 'commander';
import type { ApiClient } from './api-client.js';

export interface GlobalFlags {
  url: string;
  token?: string;
  dataDir: string;
}

/** The API client for a command's global flags; undici is loaded only when a command calls the API. */
export async function apiOf(cmd: Command): Promise<ApiClient> {
  const { ApiClient } = await import('./api-client.js');
  const flags = cmd.optsWithGlobals() as GlobalFlags;
  return new ApiClient({ url: flags.url, token: flags.token ?? null, dataDir: flags.dataDir });
}

/** A path segment from user input, escaped. */
export const seg = (value: string | number) => encodeURIComponent(String(value));

/** A query string of the flags given (undefined ones left out). */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
