/*
 * Controls for the secrets suites (secrets.node.spec.ts, secrets.browser.spec.ts): the scanner finds a key where
 * those suites look and never shows it, the fake keys have their providers' shapes, and the mock server really
 * echoes the key it is sent, so that a clean secrets run means a clean library, not a blind scan.
 */
import Dexie from 'dexie';
import {PLACEHOLDER_API_KEY} from 'llm-rx';
import {createLlmCallLog} from 'llm-rx/logging';
import {MOCK_PROVIDERS_URL, MOCK_SCENARIO_HEADER, mockScenario} from '@llm-rx/mock-providers';
import {callRow} from '@llm-rx/spec-support';
import {SECRET_PROVIDERS, type SecretProvider} from './secret-cases';
import {parseCsv, scanCallLog} from './secret-log-scan';
import {installKeyAddingFetch} from './secret-run';
import {ConsoleCapture, groupOf, SecretScan, type SecretKey} from './secret-scan';

const KEY: SecretKey = {label: 'spec key', value: 'sk-proj-Qm7vTz2LwX9cRb4NjH6pKd1s', publicPrefixLength: 8};

/** Whether a report itself is clean: it must never show what it found. */
function expectCleanReport(scan: SecretScan): void {
  const check = new SecretScan(scan.keys);
  check.text('the report', scan.report());
  check.text('the findings', JSON.stringify(scan.findings));
  expect(check.findings.map(finding => finding.where)).toEqual([]);
}

describe('the secrets scanner', () => {
  it('finds the key and its slices wherever an error graph holds them, naming each place', () => {
    const cause = new Error(`upstream said: invalid key ${KEY.value}`);
    const error = new Error('llm-rx: redacted', {cause});
    Object.defineProperty(error, 'hidden', {value: {body: `tail ${KEY.value.slice(20)}`}, enumerable: false});
    const looped: Record<string, unknown> = {name: 'loop'};
    looped['self'] = looped;
    Object.assign(cause, {
      looped,
      headers: new Headers({'x-echo': KEY.value.slice(10, 19)}),
      url: new URL(`http://upstream.test/v1?key=${KEY.value.slice(8)}`),
      byName: new Map([['auth', `Bearer ${KEY.value}`]]),
      items: new Set(['ok', KEY.value.slice(12, 24)]),
      bytes: new TextEncoder().encode(`{"key":"${KEY.value}"}`),
      [Symbol('secret')]: KEY.value.slice(0, 16),
    });
    Object.defineProperty(cause, 'computed', {get: () => `computed ${KEY.value.slice(5, 14)}`, enumerable: false});

    const scan = new SecretScan([KEY]);
    scan.error('error', error);

    expect(scan.findings.map(finding => finding.where)).toEqual(
      jasmine.arrayWithExactContents([
        'error.hidden.body',
        'error.cause.message',
        'error.cause.stack',
        'error.cause.headers.get("x-echo")',
        'error.cause.url.href',
        'error.cause.byName.get("auth")',
        'error.cause.items.values()[1]',
        'error.cause.bytes (bytes as UTF-8)',
        'error.cause[Symbol(secret)]',
        'error.cause.computed',
      ]),
    );
    expect(scan.incomplete).toEqual([]);
    expectCleanReport(scan);
  });

  it('masks the whole key in excerpts, prefix included, and says which characters it found', () => {
    const scan = new SecretScan([KEY]);
    scan.text('message', `401: key ${KEY.value} is bad, or ${KEY.value.slice(-9)}!`);
    expect(scan.findings).toEqual([
      {
        where: 'message',
        excerpt: `"401: key [spec key chars 0-31 of 32] is bad, or [spec key chars 23-31 of 32]!"`,
        occurrences: 2,
      },
    ]);
    expectCleanReport(scan);
  });

  it('ignores a slice of the public prefix alone and text shorter than a slice', () => {
    const scan = new SecretScan([KEY]);
    scan.text('docs', 'OpenAI project keys start with sk-proj-, e.g. sk-proj-xxxx');
    scan.text('short', `ends with ${KEY.value.slice(-7)}`);
    scan.text('one secret character', `see sk-proj-${KEY.value[8]}`);
    expect(scan.findings.map(finding => finding.where)).toEqual(['one secret character']);
  });

  it('finds every line of a key with a line break', () => {
    const key: SecretKey = {label: 'broken key', value: 'Ab3dEf6hIj9l\nMn2pQr5tUv8x'};
    const scan = new SecretScan([key]);
    scan.text('head', `"Bearer ${key.value.split('\n')[0]}`);
    scan.text('tail', `${key.value.split('\n')[1]}" is an invalid header value`);
    expect(scan.findings.map(finding => finding.where)).toEqual(['head', 'tail']);
    expectCleanReport(scan);
  });

  it('reports a walk it could not finish instead of passing it', () => {
    const scan = new SecretScan([KEY]);
    scan.value(
      'huge',
      Array.from({length: 60_000}, (_, index) => ({index})),
    );
    expect(scan.incomplete.length).toBe(1);
    expect(scan.report()).toContain('incomplete scan');
  });

  it('scans console calls argument by argument, errors with their stack and cause', () => {
    const scan = new SecretScan([KEY]);
    scan.console([
      {method: 'warn', args: ['llm-rx: retrying', {attempt: 1}]},
      {method: 'error', args: ['failed:', new Error('wrapped', {cause: new Error(`key ${KEY.value}`)})]},
    ]);
    expect(scan.findings.map(finding => finding.where)).toEqual([
      'console.error call 2 arg 2.cause.message',
      'console.error call 2 arg 2.cause.stack',
    ]);
  });

  it('records console calls instead of printing them, and puts the console back', () => {
    const warn = console.warn;
    const capture = new ConsoleCapture();
    capture.start();
    try {
      console.warn('llm-rx: a warning', 42);
      console.debug('details');
    } finally {
      capture.stop();
    }
    expect(capture.calls).toEqual([
      {method: 'warn', args: ['llm-rx: a warning', 42]},
      {method: 'debug', args: ['details']},
    ]);
    expect(console.warn).toBe(warn);
  });

  it('groups findings by kind of place', () => {
    expect(groupOf('table calls row 3.errorMessage')).toBe('table calls row *.errorMessage');
    expect(groupOf('chunk[14] (usage).usage.attempts[0].error.cause.message')).toBe(
      'usage part.usage.attempts[*].error.cause.message',
    );
    expect(groupOf('console.warn call 2 arg 1')).toBe('console.warn call * arg *');
  });

  it('parses quoted CSV fields with commas, quotes and line breaks', () => {
    expect(parseCsv('id,errorMessage\r\n1,"a, ""b""\nc"\r\n2,plain')).toEqual([
      ['id', 'errorMessage'],
      ['1', 'a, "b"\nc'],
      ['2', 'plain'],
    ]);
  });
});

describe('scanCallLog', () => {
  if (typeof indexedDB === 'undefined') {
    it('runs in Chromium only', () => pending('the call log needs IndexedDB'));
    return;
  }

  it('finds a key in a row read raw and in both exports', async () => {
    const databaseName = `llm-rx-secrets-scanner-spec-${Date.now().toString(36)}`;
    const log = createLlmCallLog({databaseName});
    try {
      await log.importCalls([
        callRow({
          id: 'row-1',
          status: 'error',
          errorType: 'LlmProviderError',
          errorMessage: `llm-rx: openai answered HTTP 401, "key ${KEY.value}, invalid"`,
        }),
      ]);
      const scan = new SecretScan([KEY]);
      // Every table is scanned, the replay cursors' too.
      expect(await scanCallLog(scan, log)).toEqual({calls: 1, bodies: 0, replayCursors: 0});
      expect(scan.findings.map(finding => finding.where)).toEqual([
        'table calls row 0.errorMessage',
        'export json[0].errorMessage',
        'export csv row 1 column errorMessage',
      ]);
    } finally {
      await log.close();
      await new Promise(resolve => setTimeout(resolve, 0));
      await Dexie.delete(databaseName);
    }
  });
});

describe('the secrets suites’ fake keys', () => {
  const keyOf = (name: string) => SECRET_PROVIDERS.find(target => target.name === name)!.key.value;

  it('have their providers’ shapes', () => {
    expect(keyOf('openai-responses')).toMatch(/^sk-proj-[A-Za-z0-9]{48}$/);
    expect(keyOf('openai-chat')).toMatch(/^sk-proj-[A-Za-z0-9]{48}$/);
    expect(keyOf('anthropic')).toMatch(/^sk-ant-api03-[A-Za-z0-9]{48}AA$/);
    expect(keyOf('gemini')).toMatch(/^AIza[A-Za-z0-9_-]{35}$/);
    expect(keyOf('deepseek')).toMatch(/^sk-[A-Za-z0-9]{32}$/);
    expect(keyOf('cohere')).toMatch(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[A-Za-z0-9]{40}$/);
  });

  it('are all different and share no slice', () => {
    const keys = SECRET_PROVIDERS.map(target => target.key);
    for (const key of keys) {
      const scan = new SecretScan([key]);
      for (const other of keys) if (other !== key) scan.text(other.label, other.value);
      expect(scan.findings.map(finding => finding.where))
        .withContext(key.label)
        .toEqual([]);
    }
  });
});

/** Each wire's route and credential header, to ask the mock server directly. */
const RAW_REQUESTS: Record<string, {path: string; headers: (key: string) => Record<string, string>}> = {
  'openai-responses': {path: '/v1/responses', headers: key => ({authorization: `Bearer ${key}`})},
  'openai-chat': {path: '/v1/chat/completions', headers: key => ({authorization: `Bearer ${key}`})},
  anthropic: {path: '/v1/messages', headers: key => ({'x-api-key': key})},
  gemini: {
    path: '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    headers: key => ({'x-goog-api-key': key}),
  },
  deepseek: {path: '/deepseek/chat/completions', headers: key => ({authorization: `Bearer ${key}`})},
  cohere: {path: '/v2/chat', headers: key => ({authorization: `Bearer ${key}`})},
};

function rawErrorBody(target: SecretProvider, key: string): Promise<string> {
  const {path, headers} = RAW_REQUESTS[target.name];
  return fetch(`${MOCK_PROVIDERS_URL}${path}`, {
    method: 'POST',
    headers: {
      ...headers(key),
      'content-type': 'application/json',
      [MOCK_SCENARIO_HEADER]: mockScenario({tag: `secrets-control-${target.name}`, status: 401, echoKey: true}),
    },
    body: '{}',
  }).then(response => response.text());
}

describe('the mock server’s echoKey, as the secrets suites use it', () => {
  for (const target of SECRET_PROVIDERS) {
    it(`quotes the ${target.name} key in its HTTP error body`, async () => {
      const scan = new SecretScan([target.key]);
      scan.text('body', await rawErrorBody(target, target.key.value));
      expect(scan.findings.length).withContext('the upstream body must echo the key').toBe(1);
    });
  }

  it('quotes the key the proxy stand-in put in place of the placeholder', async () => {
    const target = SECRET_PROVIDERS.find(candidate => candidate.name === 'cohere')!;
    const key = target.keyLike('proxy key', 0x7e57);
    const proxy = installKeyAddingFetch(key.value);
    let body: string;
    try {
      body = await rawErrorBody(target, PLACEHOLDER_API_KEY);
    } finally {
      proxy.uninstall();
    }
    expect(proxy.count()).toBe(1);
    const scan = new SecretScan([key]);
    scan.text('body', body);
    expect(scan.findings.length).withContext('the upstream body must echo the key the proxy added').toBe(1);
  });
});
