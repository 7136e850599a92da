import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe.js';
import { watchConsole } from './browser.js';
import { ADMIN_TOKEN, ARTIFACTS } from './console-server.js';

export interface ConsolePage {
  page: Page;
  /** Console errors seen so far; `expectClean` asserts there are none. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh browser context (its own sessionStorage) at the given width. */
export async function openPage(browser: Browser, width = 1280): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = watchConsole(page);
  return { page, errors, close: () => context.close() };
}

export async function signIn(page: Page, baseUrl: string, token = ADMIN_TOKEN): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel('Admin token or app API key').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Apps', level: 1 }).waitFor();
}

/** No serious or critical axe-core violation on the page as shown now. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `axe on ${page.url()}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
