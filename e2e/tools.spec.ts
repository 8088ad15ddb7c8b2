import type {Page} from '@playwright/test';
import {
  chatAnswer,
  expect,
  mockRequests,
  openChatSettings,
  saveScreenshot,
  setScenario,
  test,
  uniqueTag,
} from './demo-fixtures';

/** What the first tool card shows at one moment. */
interface CardSample {
  readonly answer: string | null;
  readonly status: string | null;
  readonly args: string | null;
}

/** The tool-mode simulation, tagged: a tool call whose arguments stream in, 40 ms a piece, then the answer. */
const toolScenario = (tag: string) => `tag=${tag};chunkDelay=40`;

/**
 * Records the first tool card after every change of the page, from inside the page (a MutationObserver), so that
 * no state is missed however slow the machine is; `readSamples` reads them back.
 */
async function recordCardSamples(page: Page): Promise<void> {
  await page.evaluate(() => {
    const samples: unknown[] = [];
    (window as unknown as {cardSamples: unknown[]}).cardSamples = samples;
    new MutationObserver(() => {
      const card = document.querySelector('[data-testid="tool-call"]');
      samples.push({
        answer: document.querySelector('[data-testid="assistant-message"]')?.getAttribute('data-status') ?? null,
        status: card?.getAttribute('data-tool-status') ?? null,
        args: card?.querySelector('[data-testid="tool-call-arguments"]')?.textContent ?? null,
      });
    }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
  });
}

async function readSamples(page: Page): Promise<CardSample[]> {
  return page.evaluate(() => (window as unknown as {cardSamples: CardSample[]}).cardSamples);
}

async function turnToolsOn(page: Page): Promise<void> {
  await openChatSettings(page);
  await page.getByTestId('tools-switch').check();
  // With tools, the simulations are the ones made for a tool call.
  await expect(page.getByTestId('simulate-openai').getByTestId('scenario-preset')).toHaveValue('tool-call');
}

test.describe('tools', () => {
  test('shows the calculator call as a card, its arguments streaming in, then its result and the answer', async ({
    chat,
  }, testInfo) => {
    const tag = uniqueTag('tools');
    await turnToolsOn(chat);
    await setScenario(chat, 'openai', toolScenario(tag));
    await chat.getByTestId('prompt').fill('What is 12*(3+4)?');
    await recordCardSamples(chat);
    await chat.getByTestId('prompt').press('Enter');
    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'done', {timeout: 30_000});

    const card = chat.getByTestId('tool-call');
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId('tool-call-name')).toHaveText('calculator');
    const argumentsText = '{"expression":"12*(3+4)"}';
    await expect(card.getByTestId('tool-call-arguments')).toHaveText(argumentsText);
    await expect(card).toHaveAttribute('data-tool-status', 'done');
    await expect(card.getByTestId('tool-call-result')).toHaveText('→ 84');

    // The arguments grew piece by piece while the model wrote them, then the tool ran.
    const samples = await readSamples(chat);
    const writing = [...new Set(samples.filter(sample => sample.status === 'streaming-arguments').map(s => s.args))];
    const partial = writing.filter(args => args !== null && args.length < argumentsText.length);
    expect(partial.length).toBeGreaterThanOrEqual(2);
    for (const args of partial) expect(argumentsText.startsWith(args!)).toBe(true);
    expect(samples.some(sample => sample.status === 'running' && sample.args === argumentsText)).toBe(true);

    // The final answer comes after the card, and the usage covers both steps.
    const pieces = chat.getByTestId('answer').locator(':scope > *');
    await expect(pieces.last()).toContainText('The calculator says 12*(3+4) = 84.');
    await expect(pieces.first()).toHaveJSProperty('tagName', 'APP-TOOL-CALL-CARD');
    await expect(chat.getByTestId('usage-steps')).toHaveText('2');
    await expect(chat.getByTestId('usage-finish')).toContainText('stop');

    // The second step sent the tool's result back to the model.
    const requests = await mockRequests(tag);
    expect(requests.map(request => request.status)).toEqual([200, 200]);
    expect(JSON.stringify((requests[1] as unknown as {body: unknown}).body)).toContain('84');
    await saveScreenshot(chat, testInfo.outputPath('tools.png'), 'tools.png');
  });

  test('stop while the tool runs ends the answer cleanly: no next step, the card stopped', async ({chat}) => {
    const tag = uniqueTag('tools-stop');
    const pageErrors: string[] = [];
    chat.on('pageerror', error => pageErrors.push(error.message));
    await turnToolsOn(chat);
    await setScenario(chat, 'openai', toolScenario(tag));
    await chat.getByTestId('prompt').fill('How do cascades fail over?');
    await chat.getByTestId('prompt').press('Enter');
    const card = chat.getByTestId('tool-call');
    await expect(card).toHaveAttribute('data-tool-status', 'running', {timeout: 30_000});
    await expect(card.getByTestId('tool-call-name')).toHaveText('llm_rx_facts');

    await chat.getByTestId('cancel').click();
    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'cancelled');
    await expect(card).toHaveAttribute('data-tool-status', 'stopped');
    await expect(card.getByTestId('tool-call-status')).toHaveText('Stopped before it finished');
    // Past the tool's latency: it never answered, and no second model call was made.
    await chat.waitForTimeout(1200);
    await expect(card.getByTestId('tool-call-result')).toHaveCount(0);
    await expect(chat.getByTestId('usage')).toHaveCount(0);
    await expect(chat.getByTestId('answer-error')).toHaveCount(0);
    const requests = await mockRequests(tag);
    expect(requests.map(request => [request.status, request.completed])).toEqual([[200, true]]);
    expect(pageErrors).toEqual([]);
  });
});
