import type {Page} from '@playwright/test';
import {
  askForAnswer,
  expect,
  expectNoHorizontalScroll,
  expectNoSeriousAxeViolations,
  saveScreenshot,
  test,
  useSystemTheme,
} from './demo-fixtures';

/** An answer wider than a phone: a table of many columns and a code line of 300 characters. */
const WIDE_ANSWER = [
  '## Wide things',
  '',
  '| Provider | Model | Input tokens | Output tokens | Cached tokens | First chunk | Response | Cost | Status |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  '| anthropic | claude-haiku-4-5-20251001 | 1,200 | 8,400 | 1,000 | 320 ms | 2,400 ms | $0.0123 | answered |',
  '| openai | gpt-5-nano-2025-08-07 | 900 | 12,000 | 0 | 410 ms | 3,100 ms | $0.0045 | answered |',
  '',
  '```ts',
  `const averyveryverylongidentifier = [${Array.from({length: 40}, (_, index) => `'item${index}'`).join(', ')}];`,
  '```',
  '',
  'End of the wide answer.',
].join('\n');

type LookPage = 'chat' | 'extract' | 'dashboard' | 'details' | 'settings';
const PAGES: readonly LookPage[] = ['chat', 'extract', 'dashboard', 'details', 'settings'];

/**
 * Shows a page as the scans want it: the chat with an answer, the dashboard with a row (from that answer) and,
 * for `details`, its details panel open.
 */
async function show(page: Page, name: LookPage): Promise<void> {
  if (name === 'chat' || name === 'dashboard' || name === 'details') await askForAnswer(page, WIDE_ANSWER);
  if (name === 'extract') {
    await page.getByTestId('nav-extract').click();
    await expect(page.getByTestId('extract')).toBeVisible();
  }
  if (name === 'dashboard' || name === 'details') {
    await page.getByTestId('nav-dashboard').click();
    await expect(page.getByTestId('call-row')).toHaveCount(1);
  }
  if (name === 'details') {
    await page.getByTestId('call-row').first().click();
    await expect(page.getByTestId('call-details')).toBeVisible();
  }
  if (name === 'settings') {
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('connection-simulated')).toBeVisible();
  }
}

test.describe('look', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const name of PAGES) {
      test(`${name} has no serious or critical axe violation in ${theme}`, async ({chat}) => {
        await useSystemTheme(chat, theme);
        await show(chat, name);
        await expectNoSeriousAxeViolations(chat, `${name} (${theme})`);
      });
    }
  }

  test('no page scrolls sideways at 360 × 740, with a wide answer, the details panel or the proxy table', async ({
    chat,
  }) => {
    await chat.setViewportSize({width: 360, height: 740});
    await expectNoHorizontalScroll(chat);
    await askForAnswer(chat, WIDE_ANSWER);
    await expectNoHorizontalScroll(chat);

    await chat.getByTestId('nav-extract').click();
    await expect(chat.getByTestId('extract')).toBeVisible();
    await expectNoHorizontalScroll(chat);

    await chat.getByTestId('nav-dashboard').click();
    await expect(chat.getByTestId('call-row')).toHaveCount(1);
    await expect(chat.locator('canvas')).toHaveCount(4);
    await expectNoHorizontalScroll(chat);
    // The charts fit the phone's width.
    for (const canvas of await chat.locator('canvas').all()) {
      expect((await canvas.boundingBox())?.width ?? 0).toBeLessThanOrEqual(360);
    }
    await chat.getByTestId('call-row').first().click();
    await expect(chat.getByTestId('call-details')).toBeVisible();
    await expectNoHorizontalScroll(chat);
    await chat.keyboard.press('Escape');

    await chat.getByTestId('nav-settings').click();
    await expectNoHorizontalScroll(chat);
    await chat.getByTestId('connection-proxy').check();
    await chat.getByTestId('allow-keys').check();
    await expectNoHorizontalScroll(chat);
  });

  test('the theme toggle wins over the system, is remembered, and is applied before the first paint', async ({
    chat,
  }) => {
    const background = () => chat.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await useSystemTheme(chat, 'light');
    const light = await background();
    await chat.getByTestId('theme-dark').click();
    await expect(chat.getByTestId('theme-dark')).toHaveAttribute('aria-pressed', 'true');
    const dark = await background();
    expect(dark).not.toBe(light);

    // The inline script of index.html sets the theme before Angular boots: read it before any script of the app.
    await chat.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as {themeAtLoad: string | undefined}).themeAtLoad =
          document.documentElement.dataset['theme'];
      }),
    );
    await chat.reload();
    expect(await chat.evaluate(() => (window as unknown as {themeAtLoad: string | undefined}).themeAtLoad)).toBe(
      'dark',
    );
    expect(await background()).toBe(dark);
    expect(await chat.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');

    // "System" forgets the choice and follows the system again.
    await chat.getByTestId('theme-system').click();
    expect(await chat.evaluate(() => localStorage.getItem('llm-rx-demo-theme'))).toBeNull();
    expect(await background()).toBe(light);
    await useSystemTheme(chat, 'dark');
    expect(await background()).toBe(dark);
  });

  test('screenshots of the chat and the dashboard in light, dark and at 390 px', async ({chat}, testInfo) => {
    await askForAnswer(chat, WIDE_ANSWER);
    await askForAnswer(chat, 'A second answer, **with emphasis** and `code`.\n\nThe end.', 'And another one?');
    for (const page of ['chat', 'dashboard'] as const) {
      if (page === 'dashboard') {
        await chat.getByTestId('nav-dashboard').click();
        await expect(chat.getByTestId('call-row')).toHaveCount(2);
      }
      for (const theme of ['light', 'dark'] as const) {
        await useSystemTheme(chat, theme);
        await saveScreenshot(chat, testInfo.outputPath(`${page}-${theme}.png`), `${page}-${theme}.png`);
      }
      await useSystemTheme(chat, 'light');
      await chat.setViewportSize({width: 390, height: 844});
      // The chat's header sticks to the top as the conversation scrolls: a phone shows one screen of it, and a
      // full-page capture would paint that header over the middle of the answer.
      await saveScreenshot(chat, testInfo.outputPath(`${page}-390.png`), `${page}-390.png`, {
        fullPage: page !== 'chat',
      });
      await chat.setViewportSize({width: 1200, height: 900});
    }
  });
});
