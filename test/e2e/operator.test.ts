import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, launchBrowser } from './browser.js';
import { startConsoleServer, type ConsoleServer } from './console-server.js';
import { expectAccessible, openPage, screenshot, signIn } from './pages.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe.skipIf(browserMissing)('console: operator sign-in and apps', { timeout: 60_000 }, () => {
  let server: ConsoleServer;
  let browser: Browser;
  // The server's clock runs with the real one, `skew` ahead: portal links and sessions expire
  // without waiting.
  let skew = 0;
  const clock = { now: () => Date.now() + skew };
  const localLink = (url: string) => url.replace(/^https?:\/\/[^/]+/, server.url);
  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsoleServer({}, clock), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps the API, /docs and capture URLs out of the app, and serves client routes', async () => {
    const html = { accept: 'text/html' };
    const app = await fetch(`${server.url}/apps/app_x/messages?state=failed`, { headers: html });
    expect(app.status).toBe(200);
    expect(await app.text()).toContain('<div id="root">');
    const api = await fetch(`${server.url}/api/v1/nothing`, { headers: html });
    expect([api.status, api.headers.get('content-type')]).toEqual([
      404,
      'application/json; charset=utf-8',
    ]);
    expect((await fetch(`${server.url}/docs`, { headers: html })).status).toBe(200);
    const capture = await fetch(`${server.url}/in/bin_missing`, { headers: html });
    expect(capture.headers.get('content-type')).toContain('application/json');
  });

  it('refuses a wrong token next to the field, signs in with the admin token, creates an app', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(`${server.url}/apps`);
    // Not signed in: sent to sign-in, and back to the page afterwards.
    await page.waitForURL(/\/signin\?next=%2Fapps/);
    await expectAccessible(page);
    await screenshot(page, 'signin');
    await page.getByLabel('Admin token or app API key').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByLabel('Admin token or app API key').getAttribute('aria-invalid'))
      .toBe('true');
    expect(await page.locator('.field-error').textContent()).toContain('unknown API token');

    await signIn(page, server.url);
    await page.getByLabel('Name').fill('acme');
    await page.getByRole('button', { name: 'Create app' }).click();
    const key = await page.locator('.notice code').textContent();
    const apps = await server.api('GET', '/api/v1/apps');
    expect(apps.body.data.map((a: { name: string }) => a.name)).toEqual(['acme']);
    // The key shown once is the app's real key.
    expect((await server.api('GET', '/api/v1/apps', undefined, key ?? '')).status).toBe(200);
    await page.getByRole('link', { name: 'acme' }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'apps');
    // The 401 of the wrong token is the only console error allowed here.
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    await close();
  });

  it('is usable at 390 px: navigation above the page, no horizontal scroll', async () => {
    const { page, errors, close } = await openPage(browser, 390);
    await signIn(page, server.url);
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBe(0);
    const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
    const main = await page.locator('#main').boundingBox();
    expect(nav && main && nav.y < main.y).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'apps-390');
    expect(errors).toEqual([]);
    await close();
  });

  it('moves by keyboard: the skip link reaches the page content', async () => {
    const { page, close } = await openPage(browser);
    await signIn(page, server.url);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');
    await close();
  });

  it('opens a portal link once, scoped to its app, whatever URL or API call is tried', async () => {
    const mine = (await server.api('POST', '/api/v1/apps', { name: 'customer-a' })).body.id;
    const other = (await server.api('POST', '/api/v1/apps', { name: 'customer-b' })).body.id;
    const theirs = (
      await server.api('POST', `/api/v1/apps/${other}/endpoints`, { url: 'http://127.0.0.1:9/b' })
    ).body.id;
    const theirMessage = (
      await server.api('POST', `/api/v1/apps/${other}/messages`, {
        eventType: 'message.status',
        payload: { id: 'secret-of-b', status: 'delivered' },
      })
    ).body.id;
    const theirBin = (await server.api('POST', '/api/v1/bins', { appId: other })).body.id;
    const own = await server.api('POST', `/api/v1/apps/${mine}/endpoints`, {
      url: 'http://127.0.0.1:9/a',
      description: 'Order updates',
    });
    expect(own.status).toBe(201);
    const link = await server.api('POST', `/api/v1/apps/${mine}/portal-sessions`, {
      theme: { primaryColor: '#aa3300', mode: 'dark' },
    });
    expect(link.status).toBe(201);
    const portal = await openPage(browser);
    await portal.page.goto(localLink(link.body.url));
    await portal.page.waitForURL(new RegExp(`/apps/${mine}/endpoints$`));
    await portal.page.getByRole('heading', { name: 'Endpoints', level: 1 }).waitFor();
    await portal.page.getByRole('link', { name: 'http://127.0.0.1:9/a' }).waitFor();
    expect(await portal.page.evaluate('document.documentElement.dataset.mode')).toBe('dark');
    await expectAccessible(portal.page);
    await screenshot(portal.page, 'portal');
    // Another app's endpoint, message and bin by editing the URL: refused, nothing of it shown.
    for (const path of [
      `/apps/${other}/endpoints/${theirs}`,
      `/apps/${mine}/endpoints/${theirs}`,
      `/apps/${other}/messages/${theirMessage}`,
      `/apps/${mine}/messages/${theirMessage}`,
      `/apps/${other}/inspector/bins/${theirBin}`,
      `/inspector/bins/${theirBin}`,
    ]) {
      await portal.page.goto(server.url + path);
      await portal.page.getByRole('alert').first().waitFor();
      const text = (await portal.page.locator('#main').textContent()) ?? '';
      expect(text, path).not.toMatch(/127\.0\.0\.1:9\/b|secret-of-b|\/in\//);
    }
    // The session's credential, used directly on the API.
    const session = String(
      await portal.page.evaluate("JSON.parse(sessionStorage.getItem('hookline.session')).token"),
    );
    const call = async (path: string) => (await server.api('GET', path, undefined, session)).status;
    expect(await call(`/api/v1/apps/${mine}/endpoints`)).toBe(200);
    for (const path of [
      `/api/v1/apps/${other}/endpoints/${theirs}`,
      `/api/v1/apps/${mine}/endpoints/${theirs}`,
      `/api/v1/apps/${other}/messages/${theirMessage}`,
      `/api/v1/apps/${mine}/messages/${theirMessage}`,
      `/api/v1/apps/${other}/messages`,
      `/api/v1/apps/${other}/stats`,
    ])
      expect(await call(path), path).toBe(404);
    for (const path of [
      '/api/v1/apps',
      `/api/v1/bins/${theirBin}`,
      `/api/v1/bins/${theirBin}/requests`,
      `/api/v1/bins/${theirBin}/stream`,
      `/v2/integrations/webhook/?appId=${other}`,
    ])
      expect(await call(path), path).toBe(403);
    await portal.close();
    // The link worked once.
    const again = await openPage(browser);
    await again.page.goto(localLink(link.body.url));
    await again.page.getByText(/ask for a new one/).waitFor();
    await again.close();
    // The session ends after its lifetime (7 days by default).
    skew += 7 * DAY + 1000;
    expect(await call(`/api/v1/apps/${mine}/endpoints`)).toBe(401);
  });

  it('refuses a portal link after it expires (10 minutes by default)', async () => {
    const appId = (await server.api('POST', '/api/v1/apps', { name: 'customer-c' })).body.id;
    const link = await server.api('POST', `/api/v1/apps/${appId}/portal-sessions`, {});
    skew += 10 * MINUTE + 1000;
    const { page, errors, close } = await openPage(browser);
    await page.goto(localLink(link.body.url));
    await page.getByText(/ask for a new one/).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('expired');
    expect(page.url()).not.toContain('#');
    // A new link opens at once: the refusal was the expiry, not the link.
    const fresh = await server.api('POST', `/api/v1/apps/${appId}/portal-sessions`, {});
    await page.goto('about:blank'); // a new document: same-page hash changes do not reload
    await page.goto(localLink(fresh.body.url));
    await page.waitForURL(new RegExp(`/apps/${appId}/endpoints$`));
    // The expired link's 401 is the only console error.
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    await close();
  });
});
