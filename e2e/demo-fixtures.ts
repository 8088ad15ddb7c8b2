import AxeBuilder from '@axe-core/playwright';
import {test as base, expect, type Locator, type Page} from '@playwright/test';
import {copyFileSync, mkdirSync} from 'node:fs';

/** The mock provider server the e2e web server started (see `playwright.config.ts`). */
export const MOCK_SERVER_URL = `http://127.0.0.1:${process.env['LLM_RX_E2E_MOCK_PORT']}`;

/** A record of the mock server's request log, as far as the tests read it. */
export interface MockRequest {
  readonly tag: string | null;
  readonly wire: string | null;
  readonly status: number | null;
  readonly closedEarly: boolean;
  readonly completed: boolean;
}

/**
 * The demo's chat page, pointed at the e2e mock server through the demo's saved settings.
 */
export const test = base.extend<{chat: Page}>({
  chat: async ({page}, use) => {
    // The page's warnings and errors land in the test's output, where a failure's cause usually is.
    page.on('console', message => {
      if (message.type() === 'error' || message.type() === 'warning')
        console.log(`[page ${message.type()}]`, message.text());
    });
    page.on('pageerror', error => console.log('[page error]', error.message));
    await page.addInitScript(url => {
      // Only on the first load, so that a test may change the settings and reload.
      if (localStorage.getItem('llm-rx-demo-settings') === null) {
        localStorage.setItem('llm-rx-demo-settings', JSON.stringify({connection: 'simulated', mockServerUrl: url}));
      }
    }, MOCK_SERVER_URL);
    await page.goto('/');
    await use(page);
  },
});
export {expect};

/**
 * A tag unique to one test, to find its requests in the mock server's log.
 * @param name What the test is about.
 * @returns The tag.
 */
export function uniqueTag(name: string): string {
  return `e2e-${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Sets the scenario a simulated provider plays for the next calls. On the chat page, opens its settings panel
 * first (the simulate panel is there), and leaves it open.
 * @param page The chat page (or the Extract page).
 * @param provider The provider, e.g. `openai`.
 * @param scenario The `x-mock-scenario` value.
 */
export async function setScenario(page: Page, provider: string, scenario: string): Promise<void> {
  const row = page.getByTestId(`simulate-${provider}`);
  const settingsToggle = page.getByTestId('settings-toggle');
  // The chat loads after the first paint: wait for the panel's row or the chat's settings button.
  await expect(row.or(settingsToggle).first()).toBeVisible();
  if (!(await row.isVisible())) await openChatSettings(page);
  await row.getByTestId('scenario-text').fill(scenario);
}

/**
 * The requests the mock server recorded with a tag.
 * @param tag The tag.
 * @returns The records, oldest first.
 */
export async function mockRequests(tag: string): Promise<MockRequest[]> {
  const response = await fetch(`${MOCK_SERVER_URL}/__mock/requests?tag=${encodeURIComponent(tag)}`);
  expect(response.ok).toBe(true);
  return (await response.json()) as MockRequest[];
}

/**
 * Saves a screenshot of the page under the test's output folder (kept as an artifact) and, when
 * `LLM_RX_UPDATE_SCREENSHOTS` is set, for the README under `docs/screenshots/`.
 * @param page The page.
 * @param outputPath The test's `testInfo.outputPath(name)`.
 * @param name The file name, e.g. `chat.png`.
 * @param options `fullPage: false` for the viewport only, e.g. with a panel fixed over the page; default the page.
 */
export async function saveScreenshot(
  page: Page,
  outputPath: string,
  name: string,
  options: {readonly fullPage?: boolean} = {},
): Promise<void> {
  await page.screenshot({path: outputPath, fullPage: options.fullPage ?? true});
  // Only on request (`npm run screenshots`), so that a test run never changes tracked files.
  if (!process.env['LLM_RX_UPDATE_SCREENSHOTS']) return;
  mkdirSync('docs/screenshots', {recursive: true});
  copyFileSync(outputPath, `docs/screenshots/${name}`);
}

/**
 * Sends the prompt in the chat's composer (a default one when it is empty) and waits until this answer (not the
 * previous one) has ended.
 * @param page The chat page.
 * @param status How the answer should end: `done`, `error` or `cancelled`.
 */
export async function askAndWait(page: Page, status: 'done' | 'error' = 'done'): Promise<void> {
  const prompt = page.getByTestId('prompt');
  await expect(prompt).toBeVisible();
  if (!(await prompt.inputValue()).trim()) await prompt.fill(DEFAULT_PROMPT);
  const answers = page.getByTestId('assistant-message');
  const previous = await answers.count();
  await page.getByTestId('send').click();
  await expect(answers.nth(previous)).toHaveAttribute('data-status', status, {timeout: 30_000});
}

/**
 * Presses Extract on the Extract page and waits until this call (not the previous one) has ended.
 * @param page The Extract page.
 * @param status How the call should end: `done`, `error` or `cancelled`.
 */
export async function extractAndWait(page: Page, status: 'done' | 'error' = 'done'): Promise<void> {
  const result = page.locator('app-extract-result');
  const previous = (await result.count()) ? Number(await result.getAttribute('data-call')) : 0;
  await page.getByTestId('extract').click();
  const ended = page.locator(`app-extract-result[data-call="${previous + 1}"] [data-testid="object-status"]`);
  await expect(ended).toHaveAttribute('data-status', status, {timeout: 30_000});
}

// ---------------------------------------------------------------------------------------------------------------
// Look: themes, accessibility scans, horizontal overflow, and the few chat selectors the look's specs rely on.
// ---------------------------------------------------------------------------------------------------------------

/**
 * The chat's test ids the look's specs use, in one place so that a change of the chat's markup is one edit here.
 * `settingsClose` closes the chat's settings panel, where the simulate panel is.
 */
export const CHAT_TEST_IDS = {
  prompt: 'prompt',
  send: 'send',
  answer: 'answer',
  settingsClose: 'settings-close',
} as const;

/**
 * Asks the chat for a fixed simulated answer (a `text=` scenario on OpenAI, the default first step) and waits
 * until it has rendered to its end.
 * @param page The chat page.
 * @param markdown The answer; its last line must be plain text, which the wait looks for.
 * @param prompt The prompt.
 */
export async function askForAnswer(page: Page, markdown: string, prompt = 'Show me a table'): Promise<void> {
  // The simulate panel is in the chat's settings panel, which the chat (loaded with `@defer`) shows once it is up.
  await openChatSettings(page);
  await page
    .getByTestId('simulate-openai')
    .getByTestId('scenario-text')
    .fill(`text=${encodeURIComponent(markdown)};chunks=8;chunkDelay=5`);
  await page.getByTestId(CHAT_TEST_IDS.settingsClose).click();
  await page.getByTestId(CHAT_TEST_IDS.prompt).fill(prompt);
  await page.getByTestId(CHAT_TEST_IDS.send).click();
  const lastLine = markdown.trim().split('\n').at(-1) ?? '';
  await expect(page.getByTestId(CHAT_TEST_IDS.answer).last()).toContainText(lastLine, {timeout: 30_000});
}

/**
 * Shows the page in a theme: through the system preference, which the demo follows until the user picks one.
 * @param page The page.
 * @param theme `light` or `dark`.
 */
export async function useSystemTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({colorScheme: theme});
}

/**
 * Asserts that the page does not scroll sideways (`scrollWidth` within `clientWidth`), naming the elements where
 * the overflow starts when it does.
 * @param page The page.
 */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    // The outermost elements past the edge: their parent fits, so they are where the overflow starts.
    const isPast = (element: Element) => element.getBoundingClientRect().right > root.clientWidth + 0.5;
    const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter(element => isPast(element) && element.parentElement !== null && !isPast(element.parentElement))
      .slice(0, 3)
      .map(element => `${element.tagName.toLowerCase()}${[...element.classList].map(name => `.${name}`).join('')}`);
    const name = culprits.join(', ') || '?';
    return `scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}, past the edge: ${name}`;
  });
  expect(overflow, 'the page scrolls sideways').toBeNull();
}

/**
 * Runs axe over the page and asserts that it finds no `serious` or `critical` violation; the message lists each
 * one with its rule, impact and first few targets.
 * @param page The page.
 * @param what What is scanned, for the message, e.g. `dashboard (dark)`.
 */
export async function expectNoSeriousAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({page}).analyze();
  const serious = results.violations
    .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
    .map(violation => {
      const targets = violation.nodes.slice(0, 3).map(node => node.target.join(' '));
      return `${violation.id} (${violation.impact}): ${violation.help} — ${targets.join(' | ')}`;
    });
  expect(serious, `axe on ${what}`).toEqual([]);
}

// ---- chat: helpers of the chat's specs (chat, conversation, tools, frame-rate) ----

/** The prompt `askAndWait()` sends when the composer is empty. */
export const DEFAULT_PROMPT = 'Why is the sky blue?';

/**
 * Opens the chat's settings panel (system prompt, cascade, tools, simulate) unless it is open.
 * @param page The chat page.
 */
export async function openChatSettings(page: Page): Promise<void> {
  const toggle = page.getByTestId('settings-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(page.getByTestId('chat-settings')).toBeVisible();
}

/**
 * Types a prompt in the chat's composer and sends it with Enter.
 * @param page The chat page.
 * @param prompt What to ask.
 */
export async function sendPrompt(page: Page, prompt: string): Promise<void> {
  const composer = page.getByTestId('prompt');
  await composer.fill(prompt);
  await composer.press('Enter');
}

/**
 * One of the chat's answers.
 * @param page The chat page.
 * @param index Which answer, from 0; default the last.
 * @returns The assistant message.
 */
export function chatAnswer(page: Page, index?: number): Locator {
  const answers = page.getByTestId('assistant-message');
  return index === undefined ? answers.last() : answers.nth(index);
}
