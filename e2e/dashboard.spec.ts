import {readFileSync} from 'node:fs';
import type {Page} from '@playwright/test';
import {askAndWait, askForAnswer, expect, saveScreenshot, setScenario, test, uniqueTag} from './demo-fixtures';

/**
 * Makes three rows: one plain call to OpenAI, then a cascade whose OpenAI attempt fails with a 529 and whose
 * Anthropic attempt answers.
 */
async function threeRows(chat: Page, tag: string): Promise<void> {
  await setScenario(chat, 'openai', `tag=${tag};chunks=12;chunkDelay=10`);
  await askAndWait(chat);
  await chat.getByTestId('add-fallback').click();
  await setScenario(chat, 'openai', `status=529;tag=${tag}`);
  await setScenario(chat, 'anthropic', `tag=${tag};chunks=8;chunkDelay=10;inputTokens=1200;cachedTokens=1000`);
  await askAndWait(chat);
}

test.describe('dashboard', () => {
  test('shows a finished call within a second, live, in another tab', async ({chat, context}) => {
    const dashboard = await context.newPage();
    await dashboard.goto('/dashboard');
    await expect(dashboard.getByTestId('calls-table')).toBeVisible();
    await expect(dashboard.getByTestId('total-calls')).toHaveText('0');

    await setScenario(chat, 'openai', `tag=${uniqueTag('live')};chunks=10;chunkDelay=20`);
    await askAndWait(chat);
    const finishedAt = Date.now();

    await expect(dashboard.getByTestId('call-row')).toHaveCount(1, {timeout: 1000});
    expect(Date.now() - finishedAt).toBeLessThan(1000);
    await expect(dashboard.getByTestId('total-calls')).toHaveText('1');
    await expect(dashboard.getByTestId('call-row').first()).toContainText('openai / gpt-5-nano');
    await expect(dashboard.getByTestId('call-row').first()).toHaveAttribute('data-status', 'ok');
  });

  test('shows totals, cascade attempts and bodies, and exports and clears the log', async ({chat}, testInfo) => {
    await threeRows(chat, uniqueTag('export'));

    await chat.getByTestId('nav-dashboard').click();
    await expect(chat).toHaveURL(/\/dashboard$/);
    await expect(chat.getByTestId('call-row')).toHaveCount(3);
    await expect(chat.getByTestId('total-calls')).toHaveText('3');
    await expect(chat.getByTestId('total-tokens')).toHaveText('1,242 / 20');
    await expect(chat.getByTestId('error-rate')).toHaveText('33.3%');

    // The answering attempt of the cascade: its details list both attempts and the bodies.
    await chat.getByTestId('call-row').filter({hasText: 'anthropic'}).click();
    const details = chat.getByTestId('call-details');
    await expect(details.getByTestId('call-attempts').locator('li')).toHaveCount(2);
    await expect(details.getByTestId('call-attempts')).toContainText('openai / gpt-5-nano: error');
    // The chat sends the conversation so far as messages; the last one is the prompt.
    await expect(details.getByTestId('call-request')).toContainText('Why is the sky blue?');
    await expect(details.getByTestId('call-response')).toHaveText('w1 w2 w3 w4 w5 w6 w7 w8');
    await expect(chat.locator('canvas')).toHaveCount(4);
    // The viewport only: the panel is fixed over it.
    await saveScreenshot(chat, testInfo.outputPath('dashboard-details.png'), 'dashboard-details.png', {
      fullPage: false,
    });
    await chat.keyboard.press('Escape');
    await expect(details).toHaveCount(0);

    const [csvDownload] = await Promise.all([chat.waitForEvent('download'), chat.getByTestId('export-csv').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^llm-calls-.*\.csv$/);
    const csv = readFileSync(await csvDownload.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv[0].split(',').slice(0, 6)).toEqual([
      'id',
      'traceId',
      'attemptIndex',
      'attemptCount',
      'provider',
      'model',
    ]);
    expect(csv.length).toBe(4);
    expect(csv.filter(line => line.includes(',anthropic,claude-haiku-4-5,')).length).toBe(1);

    const [jsonDownload] = await Promise.all([chat.waitForEvent('download'), chat.getByTestId('export-json').click()]);
    const calls = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8')) as {provider: string; status: string}[];
    // The attempts of one cascade may share a start time, so their order in the export is not fixed.
    expect(calls.map(call => `${call.provider} ${call.status}`).sort()).toEqual([
      'anthropic ok',
      'openai error',
      'openai ok',
    ]);
    // Simulated calls use a placeholder key; no export may contain a key in any form but the hash.
    expect(JSON.stringify(calls)).not.toContain('simulated-key');

    await chat.getByTestId('clear').click();
    await chat.getByTestId('clear-confirm').click();
    await expect(chat.getByTestId('total-calls')).toHaveText('0');
    await expect(chat.getByTestId('call-row')).toHaveCount(0);
  });

  test('opens a call in a side panel in view, from its row or from a link, and closes it with Escape', async ({
    chat,
  }) => {
    await askForAnswer(chat, 'An answer to look up.');
    await chat.getByTestId('nav-dashboard').click();
    const row = chat.getByTestId('call-row').first();
    const id = await row.getAttribute('data-id');
    expect(id).toBeTruthy();

    // By keyboard: the row's button opens the panel, focus moves in, and Escape brings it back.
    const open = row.getByRole('button');
    await open.focus();
    await chat.keyboard.press('Enter');
    const panel = chat.getByTestId('call-details-panel');
    await expect(panel).toBeInViewport();
    await expect(panel.getByTestId('call-response')).toHaveText('An answer to look up.');
    expect(await panel.evaluate(element => element.contains(document.activeElement))).toBe(true);
    expect(new URL(chat.url()).searchParams.get('call')).toBe(id);
    await chat.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(open).toBeFocused();
    expect(new URL(chat.url()).search).toBe('');

    // The chat's link to a row: the dashboard opens with that row's details.
    await chat.goto(`/dashboard?call=${encodeURIComponent(id ?? '')}`);
    await expect(panel.getByTestId('call-response')).toHaveText('An answer to look up.');
    await panel.getByTestId('call-details-close').click();
    await expect(panel).toHaveCount(0);
    expect(new URL(chat.url()).search).toBe('');
  });

  test('filters the totals, the charts and the table by provider, model, status and day', async ({chat}) => {
    await threeRows(chat, uniqueTag('filters'));
    await chat.getByTestId('nav-dashboard').click();
    const rows = chat.getByTestId('call-row');
    await expect(rows).toHaveCount(3);

    await chat.getByTestId('filter-provider').selectOption('anthropic');
    await expect(rows).toHaveCount(1);
    await expect(chat.getByTestId('total-calls')).toHaveText('1');
    await expect(chat.getByTestId('filter-model').locator('option')).toHaveText(['Any', 'claude-haiku-4-5']);

    await chat.getByTestId('filter-provider').selectOption('openai');
    await expect(rows).toHaveCount(2);
    await chat.getByTestId('filter-status').selectOption('error');
    await expect(rows).toHaveCount(1);
    await expect(chat.getByTestId('error-rate')).toHaveText('100.0%');
    await expect(rows.first()).toHaveAttribute('data-status', 'error');

    await chat.getByTestId('filter-reset').click();
    await expect(rows).toHaveCount(3);
    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    await chat.getByTestId('filter-from').fill(day);
    await expect(rows).toHaveCount(0);
    await expect(chat.getByTestId('total-calls')).toHaveText('0');
    await chat.getByTestId('filter-to').fill(day);
    await chat.getByTestId('filter-from').fill('');
    await expect(rows).toHaveCount(3);
  });
});
