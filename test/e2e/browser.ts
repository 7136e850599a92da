import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Browser tests need Debian's chromium. Under CI they always run (and .ci/run installs it);
 * elsewhere without it they are skipped with this message.
 */
export const browserMissing: string | null =
  existsSync(CHROMIUM) || process.env.CI
    ? null
    : `browser tests skipped: ${CHROMIUM} is missing (install it with: apt-get update && apt-get install -y chromium)`;

if (browserMissing) console.warn(browserMissing);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Errors the page logs or throws: a test fails on any. The browser's own 4xx/5xx resource lines
 * are kept, since the console must not make failing requests it does not show.
 */
export function watchConsole(page: Page, allow: RegExp[] = []): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!allow.some((pattern) => pattern.test(text))) errors.push(text);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}
