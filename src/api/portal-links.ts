import {
  newPortalCredential,
  newPortalSession,
  type PortalSession,
  type PortalTheme,
} from '../domain/portal.js';
import type { App } from '../domain/types.js';
import { invalidField, HooklineError } from '../lib/errors.js';
import { sha256Hex } from '../lib/hash.js';
import type { ApiContext } from './context.js';

export interface PortalLink {
  session: PortalSession;
  /** The one-time token, shown only here. */
  token: string;
  url: string;
}

/** The console's portal page, with the link's token in the fragment (never sent to a server). */
export const portalUrl = (publicUrl: string, token: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/portal#${token}`;

function checkTheme(theme: PortalTheme, field: string): void {
  if (theme.logoUrl === undefined) return;
  let url: URL | null = null;
  try {
    url = new URL(theme.logoUrl);
  } catch {
    url = null;
  }
  if (url?.protocol !== 'https:')
    throw invalidField(`${field}.logoUrl`, 'must be an absolute https URL');
}

/** Opens a portal session for the app and returns its one-time link (both front doors). */
export async function openPortalLink(
  ctx: ApiContext,
  app: App,
  input: { theme?: PortalTheme; sessionTtlMs?: number },
  themeField = 'theme',
): Promise<PortalLink> {
  const theme = input.theme ?? {};
  checkTheme(theme, themeField);
  const { session, linkToken } = newPortalSession(
    {
      appId: app.id,
      theme,
      linkTtlMs: ctx.portal.linkTtlMs,
      sessionTtlMs: input.sessionTtlMs ?? ctx.portal.sessionTtlMs,
    },
    ctx.clock.now(),
  );
  await ctx.store.portal.createSession(session);
  return { session, token: linkToken, url: portalUrl(ctx.publicUrl, linkToken) };
}

/** Exchanges a link's token for a session credential, once; 401 when unknown, used or expired. */
export async function exchangePortalLink(
  ctx: ApiContext,
  linkToken: string,
): Promise<{ session: PortalSession; app: App; token: string }> {
  const credential = newPortalCredential();
  const session = await ctx.store.portal.redeemLink(
    sha256Hex(linkToken),
    credential.hash,
    ctx.clock.now(),
  );
  const app = session ? await ctx.store.getApp(session.appId) : null;
  if (!session || !app)
    throw new HooklineError(
      'portal_link_invalid',
      'this portal link is unknown, already used or expired; ask for a new one',
    );
  return { session, app, token: credential.token };
}
