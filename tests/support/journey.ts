import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect, onTestFinished } from 'vitest';
import { launchChromium, screenshotOnFailure, watchPageProblems } from './browser';
import { startWebDoor, type WebDoor } from './webDoor';

/**
 * What every browser journey shares: a real Chromium on the real web door and a fresh SQLite file,
 * the page's complaints collected, a screenshot kept when a step fails, everything closed afterwards.
 */

export const SEEN_WITHIN_MS = 5_000;

/** playwright-core has no auto-retrying `expect`; waiting for the element is the assertion. */
export async function see(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: SEEN_WITHIN_MS });
}

export async function seeNoMore(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout: SEEN_WITHIN_MS });
}

/**
 * The message a screen reader announces with an invalid field: the element its aria-describedby
 * names, looked for in `scope` (the whole page unless given).
 */
export async function fieldMessage(
  field: Locator,
  scope: Locator | Page = field.page(),
): Promise<string | null> {
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  const describedBy = await field.getAttribute('aria-describedby');
  return scope.locator(`[id="${describedBy}"]`).textContent();
}

export interface Journey {
  page: Page;
  door: WebDoor;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  problems: string[];
  /**
   * A second client of the same backend (the owner's other window, the CLI): one call through the web
   * door with the token it serves, returning the data; a refused call fails the step.
   */
  call: <T = unknown>(channel: string, input: unknown) => Promise<T>;
}

export interface JourneyOptions {
  /** Names the screenshot kept in test-results/ when a step fails. */
  name: string;
  locale: string;
  viewport?: { width: number; height: number };
}

/** The bearer token the web door writes into the page it serves, read the way the page reads it. */
async function tokenOf(door: WebDoor): Promise<string> {
  const html = await (await fetch(door.url)).text();
  const token = /<meta name="solocrm-token" content="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('The served page carries no token');
  return token;
}

function callerThrough(door: WebDoor): Journey['call'] {
  let token: Promise<string> | undefined;
  return async <T>(channel: string, input: unknown): Promise<T> => {
    token ??= tokenOf(door);
    const response = await fetch(new URL(`rpc/${channel}`, door.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await token}` },
      body: JSON.stringify({ input }),
    });
    const envelope = (await response.json()) as { ok: boolean; data: T; error?: unknown };
    if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.data;
  };
}

/**
 * Runs `steps` on a fresh page in `locale`, then closes the page, the browser and the web door (and
 * its data folder). Call it inside the test, never in beforeAll: a missing Chromium must show as the
 * test failing with instructions, not as a skipped test.
 */
export async function runJourney(options: JourneyOptions, steps: (journey: Journey) => Promise<void>) {
  const opened: { browser?: Browser; door?: WebDoor; context?: BrowserContext } = {};
  onTestFinished(async () => {
    await opened.context?.close();
    await opened.browser?.close();
    await opened.door?.stop();
  });

  const browser = (opened.browser = await launchChromium());
  const door = (opened.door = await startWebDoor());
  const context = (opened.context = await browser.newContext({
    locale: options.locale,
    viewport: options.viewport ?? { width: 1280, height: 800 },
  }));
  const page = await context.newPage();
  const problems = await watchPageProblems(page);
  try {
    await steps({ page, door, problems, call: callerThrough(door) });
  } catch (error) {
    await screenshotOnFailure(page, options.name);
    throw error;
  }
}
