import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, launchBrowser } from './browser.js';
import { startConsoleServer, type ConsoleServer } from './console-server.js';
import { expectAccessible, openPage, screenshot, signIn } from './pages.js';

describe.skipIf(browserMissing)('console: operator sign-in and apps', { timeout: 60_000 }, () => {
  let server: ConsoleServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsoleServer(), launchBrowser()]);
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
    const link = await server.api('POST', `/api/v1/apps/${mine}/portal-sessions`, {
      theme: { primaryColor: '#aa3300', mode: 'dark' },
    });
    expect(link.status).toBe(201);
    const portal = await openPage(browser);
    await portal.page.goto(link.body.url.replace(/^https?:\/\/[^/]+/, server.url));
    await portal.page.waitForURL(new RegExp(`/apps/${mine}/endpoints$`));
    await portal.page.getByRole('heading', { name: 'Endpoints', level: 1 }).waitFor();
    expect(await portal.page.evaluate('document.documentElement.dataset.mode')).toBe('dark');
    await expectAccessible(portal.page);
    await screenshot(portal.page, 'portal');
    // Another app's page by editing the URL: the API refuses, the page says so.
    await portal.page.goto(`${server.url}/apps/${other}/endpoints/${theirs}`);
    await portal.page.getByRole('alert').waitFor();
    expect(await portal.page.getByText('http://127.0.0.1:9/b').count()).toBe(0);
    // The session's credential, used directly.
    const session = await portal.page.evaluate(
      "JSON.parse(sessionStorage.getItem('hookline.session')).token",
    );
    const call = (path: string) => server.api('GET', path, undefined, String(session));
    expect((await call(`/api/v1/apps/${mine}/endpoints`)).status).toBe(200);
    expect((await call(`/api/v1/apps/${other}/endpoints/${theirs}`)).status).toBe(404);
    expect((await call('/api/v1/apps')).status).toBe(403);
    await portal.close();
    // The link worked once.
    const again = await openPage(browser);
    await again.page.goto(link.body.url.replace(/^https?:\/\/[^/]+/, server.url));
    await again.page.getByText(/ask for a new one/).waitFor();
    await again.close();
  });
});
