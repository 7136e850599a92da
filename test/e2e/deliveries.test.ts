import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, status, ok, type Receiver } from '../helpers/receiver.js';
import { browserMissing, launchBrowser } from './browser.js';
import { startConsoleServer, type ConsoleServer } from './console-server.js';
import { expectAccessible, openPage, screenshot, signIn, type ConsolePage } from './pages.js';

/**
 * The operator's delivery flows in the browser, against a real server delivering to a real
 * receiver on 127.0.0.1: endpoint creation, a message and its timeline, a failure fixed and
 * retried, bulk recovery, the compose preview.
 */
describe.skipIf(browserMissing)(
  'console: endpoints, messages, failures',
  { timeout: 60_000 },
  () => {
    let server: ConsoleServer;
    let browser: Browser;
    let receiver: Receiver;
    let tab: ConsolePage;
    let page: Page;
    let appId: string;
    let endpointId: string;

    const send = async (id: string) => {
      const sent = await server.api('POST', `/api/v1/apps/${appId}/messages`, {
        eventType: 'message.status',
        payload: { id, status: 'delivered', token: 5491247326425684217n.toString() },
      });
      expect(sent.status).toBe(202);
      return sent.body.id as string;
    };
    const deliveries = async (state: string) =>
      (await server.api('GET', `/api/v1/apps/${appId}/deliveries?state=${state}`)).body.data;

    beforeAll(async () => {
      [server, browser, receiver] = await Promise.all([
        startConsoleServer(),
        launchBrowser(),
        startReceiver(ok),
      ]);
      appId = (await server.api('POST', '/api/v1/apps', { name: 'shop' })).body.id;
      tab = await openPage(browser);
      page = tab.page;
      await signIn(page, server.url);
    }, 240_000);
    afterAll(async () => {
      await tab?.close();
      await browser?.close();
      await receiver?.close();
      await server?.close();
    });

    it('shows the API field error next to the field, then creates an endpoint', async () => {
      await page.goto(`${server.url}/apps/${appId}/endpoints/new`);
      await page.getByLabel('URL').fill(`${receiver.url}/hooks`);
      await page.getByLabel('Max concurrency').fill('0');
      await page.getByRole('button', { name: 'Create endpoint' }).click();
      const concurrency = page.getByLabel('Max concurrency');
      await expect.poll(() => concurrency.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('.field-invalid .field-error').count()).toBe(1);
      // Nothing was half-saved.
      expect((await server.api('GET', `/api/v1/apps/${appId}/endpoints`)).body.data).toEqual([]);
      await expectAccessible(page);

      await concurrency.fill('4');
      await page.getByLabel('Event types').fill('message.*');
      await page.getByLabel('Retry schedule').selectOption('custom');
      await page.getByLabel('Waits between attempts (seconds)').fill('');
      const traceContext = page.getByLabel("Send the message's W3C traceparent with each request");
      expect(await traceContext.isChecked()).toBe(true); // the API's default
      await traceContext.uncheck();
      await page.getByRole('button', { name: 'Create endpoint' }).click();
      await page.getByText('Endpoint created.').waitFor();
      expect(await page.locator('.notice code').textContent()).toMatch(/^whsec_/);
      const [endpoint] = (await server.api('GET', `/api/v1/apps/${appId}/endpoints`)).body.data;
      expect(endpoint).toMatchObject({
        url: `${receiver.url}/hooks`,
        filterTypes: ['message.*'],
        maxConcurrency: 4,
        retryPolicy: { preset: 'custom', waitsMs: [] },
        propagateTraceContext: false,
      });
      endpointId = endpoint.id;
    });

    it('lists a sent message and opens its attempt timeline, the payload exact', async () => {
      const messageId = await send('first');
      await receiver.waitFor(1);
      await page.goto(`${server.url}/apps/${appId}/messages`);
      await page.getByRole('link', { name: messageId }).click();
      await page.getByRole('heading', { name: `Message ${messageId}` }).waitFor();
      // 64-bit integers print as sent (the token is a string here, the id shows the JSON as is).
      expect(await page.getByLabel('Payload').textContent()).toContain('"5491247326425684217"');
      const attempt = page.locator('.timeline button').first();
      await attempt.waitFor();
      expect(await attempt.textContent()).toContain('HTTP 200');
      await attempt.click();
      expect(page.url()).toMatch(/[?&]attempt=\d+/);
      await page.getByRole('heading', { name: 'Response headers' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'message');
    });

    it('shows a failed delivery, and retries it once the receiver is fixed', async () => {
      receiver.script(status(500, {}, 'receiver down'));
      const messageId = await send('second');
      await expect.poll(() => deliveries('failed'), { timeout: 15_000 }).toHaveLength(1);
      await page.goto(`${server.url}/apps/${appId}/failures`);
      const row = page.getByRole('row').filter({ hasText: messageId });
      await row.waitFor();
      expect(await row.textContent()).toContain('500');
      await expectAccessible(page);
      await screenshot(page, 'failures');
      await row.getByRole('button', { name: /Retry now/ }).click();
      await expect.poll(() => deliveries('failed'), { timeout: 15_000 }).toHaveLength(0);
      await page.goto(`${server.url}/apps/${appId}/messages/${messageId}`);
      const items = page.locator('.timeline > li');
      await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(2);
      expect(await items.first().textContent()).toContain('HTTP 200');
      expect(await items.last().textContent()).toContain('HTTP 500');
    });

    it('recovers every failed delivery of an endpoint in a time window', async () => {
      receiver.script(status(503), status(503));
      const before = new Date(Date.now() - 60_000);
      await send('third');
      await send('fourth');
      await expect.poll(() => deliveries('failed'), { timeout: 15_000 }).toHaveLength(2);
      await page.goto(`${server.url}/apps/${appId}/failures`);
      await page.getByLabel('Endpoint').selectOption(endpointId);
      const local = new Date(before.getTime() - before.getTimezoneOffset() * 60_000);
      await page.getByLabel('Failed since').fill(local.toISOString().slice(0, 16));
      await page.getByRole('button', { name: 'Recover failed deliveries' }).click();
      await page.getByText('Re-queued 2 failed deliveries.').waitFor();
      await expect.poll(() => deliveries('succeeded'), { timeout: 15_000 }).toHaveLength(4);
      expect(await deliveries('failed')).toHaveLength(0);
    });

    it('filters messages by delivery state and endpoint, held in the URL', async () => {
      await page.goto(
        `${server.url}/apps/${appId}/messages?state=succeeded&endpoint=${endpointId}`,
      );
      await expect.poll(() => page.locator('tbody tr').count()).toBe(4);
      expect(await page.getByLabel('Delivery state').inputValue()).toBe('succeeded');
      await expectAccessible(page);
      await screenshot(page, 'messages');
    });

    it('previews a compose template live against the catalog sample', async () => {
      await page.goto(`${server.url}/apps/${appId}/endpoints/${endpointId}`);
      // The setting saved at creation shows again.
      const traceContext = page.getByLabel("Send the message's W3C traceparent with each request");
      await traceContext.waitFor();
      expect(await traceContext.isChecked()).toBe(false);
      const template = page.getByLabel('Template (JSON)');
      await template.fill(
        JSON.stringify({
          method: 'PUT',
          url: 'http://127.0.0.1:9/@{{payload.id}}',
          body: '{"s":"@{{payload.status}}"}',
        }),
      );
      const line = page.getByTestId('preview-request-line');
      await expect
        .poll(() => line.textContent(), { timeout: 10_000 })
        .toMatch(/^PUT http:\/\/127\.0\.0\.1:9\/\S+/);
      expect(await page.getByLabel('Preview body').textContent()).toContain('"s"');
      await template.fill('{"method": 42}');
      await expect
        .poll(() => template.getAttribute('aria-invalid'), { timeout: 10_000 })
        .toBe('true');
      await expectAccessible(page);
      await template.fill(JSON.stringify({ body: '{"s":"@{{payload.status}}"}' }));
      // The earlier error goes once the valid template is previewed.
      await expect
        .poll(() => template.getAttribute('aria-invalid'), { timeout: 10_000 })
        .not.toBe('true');
      await expect.poll(() => line.textContent(), { timeout: 10_000 }).toMatch(/^POST /);
      await page.getByRole('button', { name: /^Save template/ }).click();
      await expect
        .poll(
          async () =>
            (await server.api('GET', `/api/v1/apps/${appId}/endpoints/${endpointId}`)).body,
        )
        .toMatchObject({
          format: 'compose',
          formatOptions: { template: { body: '{"s":"@{{payload.status}}"}' } },
        });
      await screenshot(page, 'endpoint');
      expect(tab.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    });

    it('sets per-key ordering, its key path and a payload filter, with their field errors', async () => {
      const filtered = `${receiver.url}/filtered`;
      await page.goto(`${server.url}/apps/${appId}/endpoints/new`);
      await page.getByLabel('URL').fill(filtered);
      await page.getByLabel('Ordering', { exact: true }).selectOption('per-key');
      await page.getByLabel('Ordering key path').fill('sender..id');
      await page.getByLabel('Payload filter (JSON)').fill('{"status": {"$in": "failed"}}');
      await page.getByRole('button', { name: 'Create endpoint' }).click();
      const keyPath = page.getByLabel('Ordering key path');
      const filter = page.getByLabel('Payload filter (JSON)');
      await expect.poll(() => keyPath.getAttribute('aria-invalid')).toBe('true');
      expect(await filter.getAttribute('aria-invalid')).toBe('true');
      const invalid = page.locator('.field-invalid .field-error');
      expect(await invalid.allTextContents()).toEqual([
        expect.stringContaining('segment "" is not a field name'),
        expect.stringContaining('filter.status.$in'),
      ]);
      const urls = async () =>
        (await server.api('GET', `/api/v1/apps/${appId}/endpoints`)).body.data.map(
          (e: { url: string }) => e.url,
        );
      expect(await urls()).not.toContain(filtered); // nothing half-saved
      await expectAccessible(page);

      await keyPath.fill('sender.id');
      await filter.fill('{"status": {"$in": ["failed", "expired"]}}');
      await page.getByRole('button', { name: 'Create endpoint' }).click();
      await page.getByText('Endpoint created.').waitFor();
      const created = (await server.api('GET', `/api/v1/apps/${appId}/endpoints`)).body.data.find(
        (e: { url: string }) => e.url === filtered,
      );
      expect(created).toMatchObject({
        ordering: 'per-key',
        orderingKeyPath: 'sender.id',
        filter: { status: { $in: ['failed', 'expired'] } },
      });
      // The saved settings show again when the endpoint is opened.
      await page.goto(`${server.url}/apps/${appId}/endpoints/${created.id}`);
      expect(await page.getByLabel('Ordering key path').inputValue()).toBe('sender.id');
      expect(JSON.parse(await page.getByLabel('Payload filter (JSON)').inputValue())).toEqual({
        status: { $in: ['failed', 'expired'] },
      });
    });
  },
);
