import type {Page} from '@playwright/test';
import {chatAnswer, expect, mockRequests, sendPrompt, setScenario, test, uniqueTag} from './demo-fixtures';

/** A request body as the mock server recorded it, as far as these tests read it (OpenAI Responses). */
interface ChatBody {
  readonly instructions?: string;
  readonly input: readonly {readonly role: string; readonly content: string}[];
}

async function requestBodies(tag: string): Promise<ChatBody[]> {
  return (await mockRequests(tag)).map(request => (request as unknown as {body: ChatBody}).body);
}

/** Sends a prompt with Enter and waits for its answer (the `index`-th) to end. */
async function ask(page: Page, prompt: string, index: number, status = 'done'): Promise<void> {
  await sendPrompt(page, prompt);
  await expect(chatAnswer(page, index)).toHaveAttribute('data-status', status, {timeout: 30_000});
}

/** How far the page is from its bottom, in CSS pixels. */
function distanceToBottom(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight - scrollY - innerHeight);
}

test.describe('conversation', () => {
  test('sends the earlier turns with each prompt: the second request carries the first turn', async ({chat}) => {
    const tag = uniqueTag('multi-turn');
    await setScenario(chat, 'openai', `tag=${tag};chunkDelay=0`);
    await ask(chat, 'What is Rayleigh scattering?', 0);
    const firstAnswer = await chatAnswer(chat, 0).getByTestId('answer').innerText();
    expect(firstAnswer).toContain('About “What is Rayleigh scattering?”');
    await ask(chat, 'And at sunset?', 1);
    await expect(chatAnswer(chat, 1).getByTestId('answer').locator('h2')).toHaveText('About “And at sunset?”');

    const [first, second] = await requestBodies(tag);
    expect(first.input.map(message => message.role)).toEqual(['user']);
    expect(second.input.map(message => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(second.input[0].content).toBe('What is Rayleigh scattering?');
    expect(second.input[1].content).toContain('## About “What is Rayleigh scattering?”');
    expect(second.input[2].content).toBe('And at sunset?');
    // The system prompt of the settings panel goes with every turn.
    expect(second.instructions).toBe('Answer in markdown, briefly.');
  });

  test('Enter sends, Shift+Enter adds a line, and Send is disabled while the composer is empty', async ({chat}) => {
    const composer = chat.getByTestId('prompt');
    await expect(chat.getByTestId('send')).toBeDisabled();
    await composer.pressSequentially('line one');
    await composer.press('Shift+Enter');
    await composer.pressSequentially('line two');
    await expect(composer).toHaveValue('line one\nline two');
    await expect(chat.getByTestId('user-message')).toHaveCount(0);
    await expect(chat.getByTestId('send')).toBeEnabled();

    await composer.press('Enter');
    await expect(chat.getByTestId('user-message-text')).toHaveText('line one\nline two');
    await expect(composer).toHaveValue('');
    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'done', {timeout: 30_000});
  });

  test('regenerate asks the last prompt again and replaces its answer', async ({chat}) => {
    const tag = uniqueTag('regenerate');
    await setScenario(chat, 'openai', `tag=${tag};chunks=3;chunkDelay=0`);
    await ask(chat, 'Say three words', 0);
    await chatAnswer(chat).getByTestId('regenerate').click();
    await expect.poll(async () => (await mockRequests(tag)).length).toBe(2);
    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'done', {timeout: 30_000});
    await expect(chat.getByTestId('assistant-message')).toHaveCount(1);
    await expect(chat.getByTestId('user-message')).toHaveCount(1);
    // The second request is the same turn, without the answer it replaces.
    const [, again] = await requestBodies(tag);
    expect(again.input).toEqual([{role: 'user', content: 'Say three words'}]);
  });

  test('edit and resend replaces the last prompt and its answer', async ({chat}) => {
    await setScenario(chat, 'openai', 'chunkDelay=0');
    await ask(chat, 'Why is the sky bleu?', 0);
    await chat.getByTestId('edit-prompt').click();
    await chat.getByTestId('edit-prompt-text').fill('Why is the sky blue?');
    await chat.getByTestId('edit-prompt-send').click();
    await expect(chat.getByTestId('user-message-text')).toHaveText('Why is the sky blue?');
    await expect(chatAnswer(chat).getByTestId('answer').locator('h2')).toHaveText('About “Why is the sky blue?”', {
      timeout: 30_000,
    });
    await expect(chat.getByTestId('assistant-message')).toHaveCount(1);
  });

  test('copies the answer as markdown, and says so', async ({chat, context}) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await setScenario(chat, 'openai', `text=${encodeURIComponent('**Copied** text')};chunkDelay=0`);
    await ask(chat, 'Anything', 0);
    const copy = chatAnswer(chat).getByTestId('copy-answer');
    await copy.click();
    await expect(copy).toHaveText('Copied');
    expect(await chat.evaluate(() => navigator.clipboard.readText())).toBe('**Copied** text');
  });

  test('stop keeps what arrived, and the next prompt can be sent', async ({chat}) => {
    await setScenario(chat, 'openai', 'chunks=400;chunkDelay=40');
    await sendPrompt(chat, 'Count a lot');
    await expect(chatAnswer(chat).getByTestId('answer')).toContainText('w3');
    await chat.getByTestId('cancel').click();
    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'cancelled');
    await setScenario(chat, 'openai', 'chunks=2;chunkDelay=0');
    await ask(chat, 'Again', 1);
    await expect(chatAnswer(chat, 0)).toHaveAttribute('data-status', 'cancelled');
  });

  test('restores the conversations after a reload; switches between them and deletes one', async ({chat}) => {
    await setScenario(chat, 'openai', 'chunks=3;chunkDelay=0');
    await ask(chat, 'First chat, first prompt', 0);
    await ask(chat, 'First chat, second prompt', 1);
    await chat.getByTestId('new-chat').click();
    await expect(chat.getByTestId('empty-chat')).toBeVisible();
    await ask(chat, 'Second chat', 0);
    const items = chat.getByTestId('conversation-item');
    await expect(items).toHaveText(['Second chat', 'First chat, first prompt'].map(title => new RegExp(title)));

    await chat.reload();
    await expect(items).toHaveCount(2);
    await expect(chat.getByTestId('chat-title')).toHaveText('Second chat');
    await expect(chat.getByTestId('user-message-text')).toHaveText(['Second chat']);

    await items.filter({hasText: 'First chat'}).getByTestId('open-conversation').click();
    await expect(chat.getByTestId('chat-title')).toHaveText('First chat, first prompt');
    await expect(chat.getByTestId('user-message-text')).toHaveText([
      'First chat, first prompt',
      'First chat, second prompt',
    ]);
    await expect(chat.getByTestId('assistant-message')).toHaveCount(2);
    await expect(chatAnswer(chat, 0).getByTestId('answer')).toHaveText('w1 w2 w3');

    await items.filter({hasText: 'First chat'}).getByTestId('delete-conversation').click();
    await expect(items).toHaveCount(1);
    await expect(chat.getByTestId('empty-chat')).toBeVisible();
    await chat.reload();
    await expect(items).toHaveText([/Second chat/]);
  });

  test('an answer streaming when the page closes is restored as interrupted', async ({chat}) => {
    await setScenario(chat, 'openai', 'chunks=400;chunkDelay=40');
    await sendPrompt(chat, 'A long one');
    await expect(chatAnswer(chat).getByTestId('answer')).toContainText('w3');
    await chat.reload();
    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'interrupted');
    await expect(chatAnswer(chat).getByTestId('answer-status')).toContainText('Interrupted');
  });

  test('leaving the chat mid-answer stops it; back in the chat, it is saved as stopped', async ({chat}) => {
    await setScenario(chat, 'openai', 'chunks=400;chunkDelay=40');
    await sendPrompt(chat, 'A long one');
    await expect(chatAnswer(chat).getByTestId('answer')).toContainText('w3');
    await chat.getByTestId('nav-dashboard').click();
    await chat.getByTestId('nav-chat').click();
    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'cancelled');
    await expect(chatAnswer(chat).getByTestId('answer')).toContainText('w3');
    await expect(chat.getByTestId('send')).toBeVisible();
  });

  test('links an answer to its row on the dashboard', async ({chat}) => {
    await setScenario(chat, 'openai', 'chunks=3;chunkDelay=0');
    await ask(chat, 'Link me', 0);
    await expect(chatAnswer(chat).getByTestId('call-link')).toHaveAttribute('href', /^\/dashboard\?call=.+/);
  });

  test('follows the stream, pauses when scrolled up, and "Jump to latest" resumes', async ({chat}) => {
    await chat.setViewportSize({width: 1000, height: 600});
    const lines = Array.from({length: 120}, (_value, index) => `Line ${index + 1}.`).join('\n\n');
    await setScenario(chat, 'openai', `text=${encodeURIComponent(lines)};chunkDelay=25`);
    await sendPrompt(chat, 'Many lines');
    const answer = chatAnswer(chat).getByTestId('answer');
    // Long enough to scroll, still streaming, and followed: at the bottom.
    await expect(answer).toContainText('Line 40.', {timeout: 30_000});
    await expect.poll(() => distanceToBottom(chat)).toBeLessThan(40);
    await expect(chat.getByTestId('jump-to-latest')).toHaveCount(0);

    await chat.mouse.move(500, 300);
    await chat.mouse.wheel(0, -400);
    await expect(chat.getByTestId('jump-to-latest')).toBeVisible();
    const pausedAt = await chat.evaluate(() => scrollY);
    const linesAtPause = (await answer.innerText()).length;
    await expect.poll(async () => (await answer.innerText()).length).toBeGreaterThan(linesAtPause + 50);
    expect(await chat.evaluate(() => scrollY)).toBe(pausedAt);
    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'streaming');

    await chat.getByTestId('jump-to-latest').click();
    await expect(chat.getByTestId('jump-to-latest')).toHaveCount(0);
    await expect.poll(() => distanceToBottom(chat)).toBeLessThan(40);
    // Following again until the end.
    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'done', {timeout: 30_000});
    await expect.poll(() => distanceToBottom(chat)).toBeLessThan(40);
  });

  test('shows the reasoning live, open while it streams, then collapsed: "Thought for N s"', async ({chat}) => {
    await setScenario(chat, 'openai', 'reasoning=8;chunkDelay=60');
    await sendPrompt(chat, 'Think first');
    const reasoning = chatAnswer(chat).getByTestId('answer-reasoning');
    await expect(reasoning).toHaveJSProperty('open', true, {timeout: 30_000});
    await expect(reasoning.getByTestId('reasoning-summary')).toHaveText('Thinking…');
    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'done', {timeout: 30_000});
    await expect(reasoning).toHaveJSProperty('open', false);
    await expect(reasoning.getByTestId('reasoning-summary')).toHaveText(/^Thought for \d+ s$/);
    await expect(chatAnswer(chat).getByTestId('answer').locator('h2')).toHaveText('About “Think first”');
  });

  test('an error card explains the failure, and Retry asks again in place', async ({chat}) => {
    await setScenario(chat, 'openai', 'status=401');
    await ask(chat, 'Will fail', 0, 'error');
    await expect(chatAnswer(chat).getByTestId('answer-error')).toContainText('rejected the API key (401)');
    await setScenario(chat, 'openai', 'chunks=2;chunkDelay=0');
    await chatAnswer(chat).getByTestId('retry').click();
    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'done', {timeout: 30_000});
    await expect(chat.getByTestId('assistant-message')).toHaveCount(1);
    await expect(chat.getByTestId('answer-error')).toHaveCount(0);
  });

  test('fits a 360 px wide phone: no sideways scroll, settings and conversations cover the page', async ({chat}) => {
    await chat.setViewportSize({width: 360, height: 740});
    await setScenario(chat, 'openai', 'chunkDelay=0');
    await chat.getByTestId('settings-close').click();
    await ask(chat, 'A table and a code block, on a phone, with a long prompt to wrap around', 0);
    const overflow = () => chat.evaluate(() => document.querySelector('app-chat-view')!.scrollWidth - innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);

    await chat.getByTestId('settings-toggle').click();
    await expect(chat.getByTestId('chat-settings')).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await chat.keyboard.press('Escape');
    await expect(chat.getByTestId('chat-settings')).toHaveCount(0);
    await expect(chat.getByTestId('settings-toggle')).toBeFocused();

    await chat.getByTestId('conversations-toggle').click();
    await expect(chat.getByTestId('conversation-list')).toBeVisible();
    await chat.getByTestId('open-conversation').click();
    await expect(chat.getByTestId('conversation-list')).toBeHidden();
  });
});
