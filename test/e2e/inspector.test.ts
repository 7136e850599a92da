import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, launchBrowser } from './browser.js';
import { startConsoleServer, type ConsoleServer } from './console-server.js';
import { expectAccessible, openPage, screenshot, signIn } from './pages.js';

describe.skipIf(browserMissing)('console: inspector and catalog', { timeout: 60_000 }, () => {
  let server: ConsoleServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsoleServer(), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a simulated event on the bin page live, signed, without capturing the page view', async () => {
    const appId = (await server.api('POST', '/api/v1/apps', { name: 'bot' })).body.id;
    const bin = (await server.api('POST', '/api/v1/bins', { appId })).body;
    const { page, errors, close } = await openPage(browser);
    await signIn(page, server.url);
    await page.goto(`${server.url}/apps/${appId}/inspector`);
    await page.getByRole('link', { name: bin.id }).click();
    await page.getByText('Live: new requests appear as they arrive').waitFor();
    expect(page.url()).not.toContain('/in/');
    // The stream can go live before the request list has loaded: wait for the empty state.
    await page.getByText('Nothing captured yet').waitFor();
    await expectAccessible(page);

    await page.getByLabel('Simulated event').selectOption('message.received');
    await page.getByRole('button', { name: 'Simulate' }).click();
    // Arrives through the stream: no reload.
    const item = page.locator('.request-list button').first();
    await item.waitFor({ timeout: 15_000 });
    expect(await item.textContent()).toContain('message.received');
    await item.click();
    await page.locator('.signature-verified').waitFor();
    expect(page.url()).toMatch(/[?&]request=\d+/);
    // Looking at the page captured nothing: the one capture is the simulated delivery.
    expect((await server.api('GET', `/api/v1/bins/${bin.id}`)).body.requestCount).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'bin');
    expect(errors).toEqual([]);
    await close();
  });

  it('lists the catalog with samples and schemas', async () => {
    const { page, errors, close } = await openPage(browser);
    await signIn(page, server.url);
    await page.goto(`${server.url}/catalog`);
    const first = page.locator('details summary').first();
    await first.waitFor();
    await first.click();
    await page
      .getByLabel(/sample$/)
      .first()
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'catalog');
    expect(errors).toEqual([]);
    await close();
  });
});
