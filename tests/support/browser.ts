import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium, HOW_TO_GET_CHROMIUM } from '../tools/findChromium.mjs';

/** Throws (never skips) when there is no browser: a browser test that cannot run has failed. */
function chromiumOrFail(): string {
  const found = findChromium();
  if (!found) {
    const hint = process.env.CHROMIUM_PATH
      ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file. `
      : '';
    throw new Error(hint + HOW_TO_GET_CHROMIUM);
  }
  return found;
}

/** Headless and quiet: no first-run UI, no background network that could make a run flaky. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumOrFail(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Everything the page complains about: console errors, uncaught exceptions and CSP violations
 * (reported from inside the page, because a blocked inline style does not always reach the console).
 */
export async function watchPageProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // A string, not a function: this file is compiled without the DOM library.
  await page.addInitScript(`
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error('CSP violation: ' + event.violatedDirective + ' blocked ' + event.blockedURI);
    });
  `);
  return problems;
}

export const TEST_RESULTS_DIR = resolve(import.meta.dirname, '..', '..', 'test-results');

/** Keeps what the browser showed when a journey failed; never hides the original error. */
export async function screenshotOnFailure(page: Page | undefined, name: string): Promise<string | null> {
  if (!page || page.isClosed()) return null;
  try {
    mkdirSync(TEST_RESULTS_DIR, { recursive: true });
    const file = join(TEST_RESULTS_DIR, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  } catch {
    return null;
  }
}
