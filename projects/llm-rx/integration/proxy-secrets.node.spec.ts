// No key ever leaves llm-rx/proxy: the server's keys, the browser's placeholder key and the caller's own credential
// are scanned for (whole or any 8-character slice) in every byte of every answer and every log line, over answers,
// upstream errors that echo the key (in the body and inside the stream) and refusals, for all five providers.
import {formatWithOptions} from 'node:util';
import {PLACEHOLDER_API_KEY} from 'llm-rx';
import {type LlmProxyProviderName} from 'llm-rx/proxy';
import {runStream, scenarioRequest, uniqueTag} from '@llm-rx/spec-support';
import {type LlmProxyServer, mockProxyProviders, PROXY_SPEC_KEYS, startLlmProxyServer} from '@llm-rx/spec-support/node';
import {PROVIDER_TARGETS, type ProviderTarget} from './bad-input-targets';
import {proxiedLlm} from './proxy-fixtures';
import {ConsoleCapture, type SecretKey, SecretScan} from './secret-scan';

/** An app's session token that a page gives the adapter as its apiKey, for the authenticate hook. */
const APP_CREDENTIAL = 'app-session-Q7mZ2xB9vL4nR8tY3wK6';

const PUBLIC_PREFIXES: Readonly<Record<LlmProxyProviderName, number>> = {
  openai: 'sk-proj-'.length,
  anthropic: 'sk-ant-api03-'.length,
  gemini: 'AIza'.length,
  deepseek: 'sk-'.length,
  cohere: 0,
};

const KEYS: readonly SecretKey[] = [
  ...(Object.keys(PROXY_SPEC_KEYS) as LlmProxyProviderName[]).map(name => ({
    label: `${name} server key`,
    value: PROXY_SPEC_KEYS[name],
    publicPrefixLength: PUBLIC_PREFIXES[name],
  })),
  {label: 'placeholder key', value: PLACEHOLDER_API_KEY, publicPrefixLength: 'llm-rx-'.length},
  {label: 'app credential', value: APP_CREDENTIAL, publicPrefixLength: 'app-session-'.length},
];

/** Shapes of keys no answer may carry, whoever's they are (an upstream could echo another key than ours). */
const KEY_SHAPES = [
  /\bsk-(?!\[redacted\])[A-Za-z0-9_-]{8,}/,
  /\bAIza(?!\[redacted\])[A-Za-z0-9_-]{8,}/,
  /\bBearer\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{8,}/i,
];

const proxied = (target: ProviderTarget, proxy: LlmProxyServer, model = target.model) =>
  proxiedLlm(target, proxy, {apiKey: APP_CREDENTIAL}, model);

async function runEveryCase(proxy: LlmProxyServer): Promise<unknown[]> {
  const errors: unknown[] = [];
  for (const target of PROVIDER_TARGETS) {
    const cases = [
      {tag: uniqueTag(target.label, 'ok'), chunks: 3},
      {tag: uniqueTag(target.label, 'echo-401'), status: 401, echoKey: true},
      {tag: uniqueTag(target.label, 'echo-stream'), chunks: 4, errorAfter: 2, echoKey: true},
    ];
    for (const scenario of cases) {
      const outcome = await runStream(proxied(target, proxy).stream(scenarioRequest(scenario)));
      if (outcome.error) errors.push(outcome.error);
    }
    const refused = await runStream(
      proxied(target, proxy, 'not-served-model').stream(scenarioRequest({tag: uniqueTag(target.label, 'refused')})),
    );
    errors.push(refused.error);
  }
  return errors;
}

function scanAll(proxy: LlmProxyServer, scan: SecretScan): string[] {
  const shaped: string[] = [];
  proxy.responses.forEach((response, index) => {
    const text = `${response.headers}\n\n${response.body}`;
    scan.text(`response ${index} (${response.status} ${response.url})`, text);
    for (const shape of KEY_SHAPES) if (shape.test(text)) shaped.push(`response ${index} matches ${shape}`);
  });
  proxy.logs.forEach((line, index) => scan.text(`log line ${index}`, JSON.stringify(line)));
  return shaped;
}

describe('llm-rx/proxy secrets', () => {
  it('never sends a key, the placeholder or the caller credential back, in answers, errors or log lines', async () => {
    const proxy = await startLlmProxyServer(
      {
        providers: mockProxyProviders({
          openai: ['gpt*'],
          anthropic: ['claude*'],
          gemini: ['gemini*'],
          deepseek: ['deepseek*'],
          cohere: ['command*'],
        }),
      },
      {record: true},
    );
    try {
      const errors = await runEveryCase(proxy);
      const scan = new SecretScan(KEYS);
      const shaped = scanAll(proxy, scan);
      errors.forEach((error, index) => scan.error(`client error ${index}`, error));
      expect(proxy.responses.length)
        .withContext('answers recorded')
        .toBe(PROVIDER_TARGETS.length * 4);
      expect(proxy.responses.filter(response => response.status === 401).length).toBe(PROVIDER_TARGETS.length);
      expect(scan.report('the proxy')).toBe('');
      expect(shaped).toEqual([]);
    } finally {
      await proxy.stop();
    }
  });

  it('keeps bodies out of its default log lines, and keys out of them with logBodies', async () => {
    const capture = new ConsoleCapture();
    for (const logBodies of [false, true]) {
      capture.start();
      const proxy = await startLlmProxyServer({log: undefined, logBodies}, {record: true});
      try {
        const target = PROVIDER_TARGETS[0];
        const prompt = `secret prompt ${uniqueTag('log', String(logBodies))}`;
        await runStream(
          proxied(target, proxy).stream(
            scenarioRequest({tag: uniqueTag('log', 'echo'), status: 401, echoKey: true}, {userPrompt: prompt}),
          ),
        );
        await runStream(
          proxied(target, proxy).stream(scenarioRequest({tag: uniqueTag('log', 'ok')}, {userPrompt: prompt})),
        );
        await new Promise(resolve => setTimeout(resolve, 50));
      } finally {
        await proxy.stop();
        capture.stop();
      }
    }
    const printed = capture.calls.map(call => formatWithOptions({}, ...call.args));
    expect(printed.length).withContext('the default log printed lines').toBeGreaterThan(0);
    const scan = new SecretScan(KEYS);
    scan.console(capture.calls, args => formatWithOptions({}, ...args));
    expect(scan.report('the default log')).toBe('');
    const withoutBodies = printed.filter(line => !line.includes('requestBody'));
    expect(withoutBodies.some(line => line.includes('secret prompt')))
      .withContext('no body unless asked')
      .toBeFalse();
    expect(printed.some(line => line.includes('secret prompt')))
      .withContext('bodies with logBodies')
      .toBeTrue();
  });
});
