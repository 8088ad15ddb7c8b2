import {
  askAndWait,
  chatAnswer,
  expect,
  mockRequests,
  openChatSettings,
  saveScreenshot,
  sendPrompt,
  setScenario,
  test,
  uniqueTag,
} from './demo-fixtures';

test.describe('chat', () => {
  test('streams the answer and renders it incrementally as markdown', async ({chat}) => {
    const tag = uniqueTag('stream');
    await setScenario(chat, 'openai', `tag=${tag};chunks=40;chunkDelay=60`);
    await sendPrompt(chat, 'Count to forty');

    const answer = chatAnswer(chat).getByTestId('answer');
    const states: string[] = [];
    // Polls the DOM while the answer streams: each distinct state is kept, in order.
    while ((await chatAnswer(chat).getAttribute('data-status')) !== 'done') {
      const text = (await answer.innerText()).trim();
      if (text && text !== states.at(-1)) states.push(text);
      await chat.waitForTimeout(50);
    }
    const finalText = Array.from({length: 40}, (_value, index) => `w${index + 1}`).join(' ');
    await expect(answer).toHaveText(finalText);

    expect(states.length).toBeGreaterThanOrEqual(3);
    for (let index = 1; index < states.length; index++) {
      expect(states[index].length).toBeGreaterThan(states[index - 1].length);
      expect(states[index].startsWith(states[index - 1])).toBe(true);
    }
    await expect(chat.getByTestId('usage-answered-by')).toContainText('openai / gpt-5-nano');
    await expect(chat.getByTestId('usage-tokens')).toHaveText('42 / 40');
    await expect(chat.getByTestId('usage-finish')).toContainText('stop');
    const [request] = await mockRequests(tag);
    expect(request.completed).toBe(true);
  });

  test('renders markdown through the sanitizer, without running injected script', async ({chat}) => {
    const markdown = '## Title\n\n**bold** <img src=x onerror="window.__pwned=1"> [link](javascript:alert(1))';
    await setScenario(chat, 'openai', `text=${encodeURIComponent(markdown)};chunkDelay=0`);
    await askAndWait(chat);

    const answer = chatAnswer(chat).getByTestId('answer');
    await expect(answer.locator('h2')).toHaveText('Title');
    await expect(answer.locator('strong')).toHaveText('bold');
    expect(await answer.locator('img').getAttribute('onerror')).toBeNull();
    // DOMPurify (llm-rx/markdown's sanitizer) drops the `javascript:` URL: the link is left without an href.
    await expect(answer.locator('a')).toHaveText('link');
    expect(await answer.locator('a').getAttribute('href')).toBeNull();
    expect(await chat.evaluate(() => (window as {__pwned?: number}).__pwned)).toBeUndefined();
  });

  test('cancel stops the stream and closes the connection', async ({chat}) => {
    const tag = uniqueTag('cancel');
    await setScenario(chat, 'openai', `tag=${tag};chunks=400;chunkDelay=40`);
    await sendPrompt(chat, 'Count to four hundred');
    const answer = chatAnswer(chat).getByTestId('answer');
    await expect(answer).toContainText('w3');
    await expect(chat.getByTestId('send')).toHaveCount(0);

    await chat.getByTestId('cancel').click();
    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'cancelled');
    await expect(chatAnswer(chat).getByTestId('answer-status')).toContainText('Stopped');
    // Send is back, disabled while the composer is empty.
    await expect(chat.getByTestId('send')).toBeDisabled();
    const textAtCancel = await answer.innerText();
    await chat.waitForTimeout(300);
    expect(await answer.innerText()).toBe(textAtCancel);
    expect(textAtCancel).not.toContain('w400');

    // The server notices the closed socket a moment after the browser aborts: poll.
    await expect.poll(async () => (await mockRequests(tag)).map(request => request.closedEarly)).toEqual([true]);
  });

  test('a cascade fails over on a 529 before content and the second provider answers', async ({chat}, testInfo) => {
    const tag = uniqueTag('cascade');
    await openChatSettings(chat);
    await chat.getByTestId('add-fallback').click();
    await expect(chat.getByTestId('cascade-step')).toHaveCount(2);
    await setScenario(chat, 'openai', `status=529;tag=${tag}-openai`);
    await chat.getByTestId('simulate-anthropic').getByTestId('scenario-preset').selectOption('normal');
    const normal = await chat.getByTestId('simulate-anthropic').getByTestId('scenario-text').inputValue();
    await setScenario(chat, 'anthropic', `${normal};tag=${tag}-anthropic`);
    await askAndWait(chat);
    // The default scenario answers the prompt itself, in markdown.
    const answer = chatAnswer(chat).getByTestId('answer');
    await expect(answer.locator('h2')).toHaveText('About “Why is the sky blue?”');
    await expect(answer.locator('table td').first()).toHaveText('Words');
    await expect(answer.locator('pre code')).toContainText('const question');
    await expect(chat.getByTestId('usage-answered-by')).toContainText('anthropic / claude-haiku-4-5');
    await expect(chat.getByTestId('usage-answered-by')).toContainText('attempt 2 of 2');
    await expect(chat.getByTestId('usage-failed-attempts')).toContainText('overloaded (529)');

    expect((await mockRequests(`${tag}-openai`)).map(request => request.status)).toEqual([529]);
    expect((await mockRequests(`${tag}-anthropic`)).map(request => [request.wire, request.status])).toEqual([
      ['anthropic', 200],
    ]);
    await saveScreenshot(chat, testInfo.outputPath('chat.png'), 'chat.png');
  });

  test('retries a provider that fails before content before its cascade falls back', async ({chat}) => {
    const tag = uniqueTag('retry');
    await openChatSettings(chat);
    await chat.getByTestId('add-fallback').click();
    await setScenario(chat, 'openai', `status=503;failTimes=1;tag=${tag}-openai;chunks=5;chunkDelay=0`);
    await setScenario(chat, 'anthropic', `tag=${tag}-anthropic;chunks=5;chunkDelay=0`);
    await askAndWait(chat);
    await expect(chat.getByTestId('usage-answered-by')).toContainText('openai / gpt-5-nano');
    await expect(chat.getByTestId('usage-answered-by')).toContainText('attempt 2 of 2');
    await expect(chat.getByTestId('usage-failed-attempts')).toContainText('Attempt 1: openai / gpt-5-nano failed');
    expect((await mockRequests(`${tag}-openai`)).map(request => request.status)).toEqual([503, 200]);
    expect(await mockRequests(`${tag}-anthropic`)).toEqual([]);
  });

  test('explains a failed cascade attempt by attempt', async ({chat}) => {
    await openChatSettings(chat);
    await chat.getByTestId('add-fallback').click();
    await setScenario(chat, 'openai', 'status=429;retryAfter=2');
    await setScenario(chat, 'anthropic', 'status=401');
    await askAndWait(chat, 'error');

    const error = chat.getByTestId('answer-error');
    await expect(error).toContainText('Every provider of the cascade failed (2 attempts)');
    const attempts = chat.getByTestId('answer-error-attempts').locator('li');
    await expect(attempts.nth(0)).toContainText('rate-limiting this key (429)');
    await expect(attempts.nth(0)).toContainText('add a fallback provider');
    await expect(attempts.nth(1)).toContainText('rejected the API key (401)');
    await expect(attempts.nth(1)).toContainText('Check the key');
  });
});
