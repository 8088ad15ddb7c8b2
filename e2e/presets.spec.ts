import {
  askAndWait,
  chatAnswer,
  expect,
  mockRequests,
  openChatSettings,
  setScenario,
  test,
  uniqueTag,
} from './demo-fixtures';

test.describe('llm-rx/compatible presets in the demo', () => {
  test('a simulated preset answers from its mock route and is priced from the dataset', async ({chat}) => {
    const tag = uniqueTag('preset-groq');
    await openChatSettings(chat);
    await chat.getByTestId('step-provider').first().selectOption('groq');
    await setScenario(chat, 'groq', `tag=${tag};text=Hello from Groq.;reasoning=2`);
    await askAndWait(chat);
    await expect(chatAnswer(chat).getByTestId('answer')).toHaveText('Hello from Groq.');
    await expect(chat.getByTestId('usage-answered-by')).toContainText('groq / llama-3.1-8b-instant');
    await expect(chat.getByTestId('usage-cost')).toHaveText(/^\$\d/);
    const [request] = await mockRequests(tag);
    expect([request.wire, request.status]).toEqual(['groq', 200]);
  });

  test('a local preset is offered with its CORS note in the settings', async ({chat}) => {
    await chat.getByTestId('nav-settings').click();
    await chat.getByTestId('connection-proxy').check();
    await expect(chat.getByTestId('preset-ollama')).toContainText('http://localhost:11434/v1');
    await expect(chat.getByTestId('preset-ollama')).toContainText('OLLAMA_ORIGINS');
    await expect(chat.getByTestId('preset-groq')).toContainText('GROQ_API_KEY');
  });
});
