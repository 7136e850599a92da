import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Receiver as BotReceiver } from '../integration/bots/receiver.js';
import { closedPort } from '../helpers/free-port.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { browserMissing, launchBrowser } from './browser.js';
import { startConsoleServer, type ConsoleServer } from './console-server.js';
import { expectAccessible, openPage, screenshot, signIn } from './pages.js';

const BOTS = '/v2/integrations/webhook';
const CHAT_CONTEXT = {
  chatId: '602313f00000000000000000',
  messageId: '5a7fb3e1-8452-4aee-a7a9-2f0edaeb8e42',
  userId: '602313f00000000000000000',
};

/**
 * Every app page the other files do not visit (Overview, Endpoints, Viber, Bots, Inspector), with
 * data in them: axe, no console errors and no horizontal scroll at 1280 and 390 px, screenshots.
 */
describe.skipIf(browserMissing)(
  'console: the app pages at both widths',
  { timeout: 60_000 },
  () => {
    let server: ConsoleServer;
    let browser: Browser;
    let receiver: Receiver;
    let bot: BotReceiver;
    let appId: string;
    let botId: string;
    let binId: string;

    beforeAll(async () => {
      [server, browser, receiver, bot] = await Promise.all([
        startConsoleServer(),
        launchBrowser(),
        startReceiver(),
        new BotReceiver().start(),
      ]);
      appId = (await server.api('POST', '/api/v1/apps', { name: 'shop' })).body.id;
      const endpoint = await server.api('POST', `/api/v1/apps/${appId}/endpoints`, {
        url: `${receiver.url}/hooks`,
      });
      expect(endpoint.status).toBe(201);
      // One attempt only, to a port nothing listens on: failing, with its last error.
      const dead = `http://127.0.0.1:${await closedPort()}/down`;
      const failing = await server.api('POST', `/api/v1/apps/${appId}/endpoints`, {
        url: dead,
        retryPolicy: { preset: 'custom', waitsMs: [] },
      });
      expect(failing.status).toBe(201);
      const disabled = await server.api('POST', `/api/v1/apps/${appId}/endpoints`, {
        url: `${receiver.url}/paused`,
        disabled: true,
      });
      expect(disabled.status).toBe(201);
      const sent = await server.api('POST', `/api/v1/apps/${appId}/messages`, {
        eventType: 'message.status',
        payload: { id: 'm1', status: 'delivered' },
      });
      expect(sent.status).toBe(202);
      await receiver.waitFor(1);
      // The failing endpoint's one attempt is recorded (expect.poll is for tests, not hooks).
      for (let i = 0; i < 300; i++) {
        const one = await server.api('GET', `/api/v1/apps/${appId}/endpoints/${failing.body.id}`);
        if (one.body.health?.consecutiveFailures === 1) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      binId = (await server.api('POST', '/api/v1/bins', { appId })).body.id;
      // The admin token acts for the app named by ?appId= on the bot API.
      const created = await server.api('POST', `${BOTS}?appId=${appId}`, {
        storyId: '634fef70c56fd000073f5730',
        name: 'Tracking bot',
        url: bot.url(),
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      botId = created.body.id;
      const invoked = await server.api(
        'POST',
        `${BOTS}/${botId}/invoke?appId=${appId}`,
        CHAT_CONTEXT,
      );
      expect(invoked.status, JSON.stringify(invoked.body)).toBe(200);
    }, 240_000);
    afterAll(async () => {
      await browser?.close();
      await Promise.all([receiver?.close(), bot?.close()]);
      await server?.close();
    });

    /** Each page, and what shows once its data has loaded. */
    const pages: Array<[name: string, path: () => string, ready: (page: Page) => Promise<void>]> = [
      [
        'overview',
        () => `/apps/${appId}/overview`,
        async (page) => {
          const rate = page.locator('.figure').filter({ hasText: 'Success rate' });
          await expect.poll(() => rate.textContent()).toContain('50%');
          const failing = page.getByRole('region', { name: 'Failing endpoints' });
          expect(await failing.textContent()).toContain('/down');
        },
      ],
      [
        'endpoints',
        () => `/apps/${appId}/endpoints`,
        async (page) => {
          const row = (text: string) => page.getByRole('row').filter({ hasText: text });
          await expect
            .poll(() => row(`${receiver.url}/hooks`).textContent())
            .toMatch(/enabled100% ok in the last hour, p50 \d+ ms/);
          expect(await row('/down').textContent()).toMatch(
            /failing0% ok in the last hour.*1 failed since .*: \S+/,
          );
          expect(await row('/paused').textContent()).toMatch(
            /disabledDisabled .+: switched off by hand; its deliveries are heldNo attempts in the last hour/,
          );
        },
      ],
      [
        'viber',
        () => `/apps/${appId}/viber`,
        (page) => page.getByRole('button', { name: 'Issue token' }).waitFor(),
      ],
      [
        'bots',
        () => `/apps/${appId}/bots`,
        (page) => page.getByRole('link', { name: 'Tracking bot' }).waitFor(),
      ],
      [
        'bot',
        () => `/apps/${appId}/bots/${botId}`,
        (page) => page.getByRole('cell', { name: 'ok', exact: true }).first().waitFor(),
      ],
      [
        'inspector',
        () => `/apps/${appId}/inspector`,
        (page) => page.getByRole('link', { name: binId }).waitFor(),
      ],
    ];

    for (const width of [1280, 390]) {
      it(`shows Overview, Endpoints, Viber, Bots and Inspector at ${width} px, accessible`, async () => {
        const { page, errors, close } = await openPage(browser, width);
        await signIn(page, server.url);
        for (const [name, path, ready] of pages) {
          await page.goto(server.url + path());
          await ready(page);
          await expectAccessible(page);
          const overflow = await page.evaluate(
            'document.documentElement.scrollWidth - document.documentElement.clientWidth',
          );
          expect(overflow, `${name} scrolls sideways at ${width} px`).toBe(0);
          await screenshot(page, width === 1280 ? name : `${name}-${width}`);
        }
        expect(errors).toEqual([]);
        await close();
      });
    }

    it('lets the admin reach an app from the bots page, which names no app', async () => {
      const { page, errors, close } = await openPage(browser);
      await signIn(page, server.url);
      await page.goto(`${server.url}/bots`);
      await page.getByText('Bot connections belong to an app').waitFor();
      await expectAccessible(page);
      await page.getByLabel('App').selectOption(appId);
      await page.waitForURL(new RegExp(`/apps/${appId}/`));
      await page.getByRole('link', { name: 'Bot connections' }).click();
      await page.getByRole('link', { name: 'Tracking bot' }).waitFor();
      // The 403 that asked for an app is the only failed request.
      expect(errors.filter((e) => !e.includes('403'))).toEqual([]);
      await close();
    });
  },
);
