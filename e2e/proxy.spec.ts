import {type ChildProcess, spawn} from 'node:child_process';
import {freeLoopbackPort} from '@llm-rx/spec-support/node';
import type {Page} from '@playwright/test';
import {chatAnswer, expect, MOCK_SERVER_URL, openChatSettings, sendPrompt, test} from './demo-fixtures';

// The demo's real-provider connection through the demo proxy (projects/demo/proxy/main.ts, as `npm start` runs it),
// with LLM_RX_PROXY_UPSTREAM at the e2e mock server, so that no key and no internet are needed. This spec starts its
// own proxy, with a daily budget of a millionth of a dollar: the first call spends it, so the next is refused.

/** The production build's origin, which the proxy must allow (see `playwright.config.ts`). */
const DEMO_ORIGIN = `http://127.0.0.1:${process.env['LLM_RX_E2E_DEMO_PORT']}`;
const START_TIMEOUT_MS = 20_000;

/** One demo proxy process and the base URL the demo's settings point at (`http://127.0.0.1:<port>/api`). */
interface RunningProxy {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
}

/** A mock server's request record, as far as this spec reads it. */
interface MockRecord {
  readonly wire: string | null;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly completed: boolean;
}

async function startProxy(env: Record<string, string>): Promise<RunningProxy> {
  const port = await freeLoopbackPort();
  // No real key of this machine's environment reaches the mock server: every provider gets the proxy's dummy key.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/_API_KEY$/.test(name)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'projects/demo/proxy/main.ts'], {
    env: {
      ...inherited,
      LLM_RX_PROXY_PORT: String(port),
      LLM_RX_PROXY_UPSTREAM: MOCK_SERVER_URL,
      LLM_RX_DEMO_ORIGINS: DEMO_ORIGIN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const isListening = new Promise<boolean>(resolve => {
    child.stdout!.on('data', data => {
      output += data;
      if (output.includes('demo proxy: serving')) resolve(true);
    });
    child.stderr!.on('data', data => (output += data));
    child.once('exit', () => resolve(false));
    setTimeout(() => resolve(false), START_TIMEOUT_MS);
  });
  const proxy = {child, url: `http://127.0.0.1:${port}/api`, output: () => output};
  if (!(await isListening)) throw new Error(`the demo proxy did not start:\n${output}`);
  return proxy;
}

async function stopProxy(proxy: RunningProxy | undefined): Promise<void> {
  if (!proxy || proxy.child.exitCode !== null || proxy.child.signalCode !== null) return;
  const exited = new Promise(resolve => proxy.child.once('exit', resolve));
  proxy.child.kill('SIGTERM');
  await exited;
}

/** Switches the demo to the real-provider connection through the proxy at `proxyUrl`, and opens the chat. */
async function useProxy(page: Page, proxyUrl: string): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('connection-proxy').check();
  const field = page.getByTestId('proxy-url');
  await field.fill(proxyUrl);
  await field.blur();
  await page.getByTestId('nav-chat').click();
  await expect(page.getByTestId('chat-mode')).toContainText('Real providers (through the demo proxy)');
}

/** Every request the mock server has recorded. */
async function allMockRequests(): Promise<MockRecord[]> {
  const response = await fetch(`${MOCK_SERVER_URL}/__mock/requests`);
  expect(response.ok).toBe(true);
  return (await response.json()) as MockRecord[];
}

test.describe('the real-provider connection through the demo proxy', () => {
  // In order: the first call spends the proxy's whole budget, which the second test relies on.
  test.describe.configure({mode: 'serial'});
  let proxy: RunningProxy | undefined;

  test.beforeAll(async () => {
    proxy = await startProxy({LLM_RX_PROXY_COST_PER_DAY_USD: '0.000001'});
  });

  test.afterAll(async () => {
    await stopProxy(proxy);
  });

  test("answers through the proxy, which calls the provider with the server's key", async ({chat}) => {
    await useProxy(chat, proxy!.url);
    const browserRequests: string[] = [];
    chat.on('request', request => browserRequests.push(request.url()));
    const prompt = `Through the proxy ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

    await sendPrompt(chat, prompt);

    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'done', {timeout: 30_000});
    await expect(chatAnswer(chat).getByTestId('answer')).not.toBeEmpty();
    // The browser called the proxy's OpenAI route, and never the mock server itself.
    expect(browserRequests.filter(url => url.startsWith(`${proxy!.url}/openai/`)).length).toBeGreaterThan(0);
    expect(browserRequests.filter(url => url.startsWith(MOCK_SERVER_URL))).toEqual([]);
    // The mock server got the call from the proxy, not from the page: at the OpenAI wire's path, without the page's
    // origin or the browser's user agent (the proxy forwards neither).
    const reached = (await allMockRequests()).filter(record => JSON.stringify(record.body).includes(prompt));
    expect(reached.length).toBe(1);
    expect(reached[0].wire).toMatch(/^openai-/);
    expect(reached[0].headers['origin']).toBeUndefined();
    expect(reached[0].headers['user-agent']).not.toContain('Chrome');
    expect(reached[0].completed).toBe(true);
  });

  test('shows a refusal of the proxy as a clear message: the daily budget is reached', async ({chat}) => {
    await useProxy(chat, proxy!.url);
    const before = (await allMockRequests()).length;

    await sendPrompt(chat, 'Refused by the budget');

    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'error', {timeout: 30_000});
    const error = chatAnswer(chat).getByTestId('answer-error');
    await expect(error).toContainText("The proxy's daily budget is reached");
    await expect(error).toContainText('resets in');
    await expect(error).toContainText('LLM_RX_PROXY_COST_PER_DAY_USD');
    // Refused before any upstream call.
    expect((await allMockRequests()).length).toBe(before);
  });
});

test.describe('a hosted preset through the demo proxy', () => {
  let proxy: RunningProxy | undefined;

  test.beforeAll(async () => {
    proxy = await startProxy({});
  });

  test.afterAll(async () => {
    await stopProxy(proxy);
  });

  test("answers from Groq at the proxy's /groq route, which calls the service's route with the server's key", async ({
    chat,
  }) => {
    expect(proxy!.output()).toContain('groq');
    await useProxy(chat, proxy!.url);
    await openChatSettings(chat);
    await chat.getByTestId('step-provider').first().selectOption('groq');
    const browserRequests: string[] = [];
    chat.on('request', request => browserRequests.push(request.url()));
    const prompt = `Groq through the proxy ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

    await sendPrompt(chat, prompt);

    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'done', {timeout: 30_000});
    await expect(chat.getByTestId('usage-answered-by')).toContainText('groq / llama-3.1-8b-instant');
    expect(browserRequests.filter(url => url.startsWith(`${proxy!.url}/groq/`)).length).toBeGreaterThan(0);
    expect(browserRequests.filter(url => url.startsWith(MOCK_SERVER_URL))).toEqual([]);
    const reached = (await allMockRequests()).filter(record => JSON.stringify(record.body).includes(prompt));
    expect(reached.map(record => [record.wire, record.path])).toEqual([['groq', '/groq/openai/v1/chat/completions']]);
    expect(reached[0].headers['authorization']).toBe('***');
    expect(reached[0].completed).toBe(true);
  });
});
