/*
 * Spec support for the secrets suites: one recognisable fake key per provider, the providers (and a cascade and a
 * retry) pointed at the mock provider server, the endings each case plays, and a runner that records everything
 * a case produced. It defines no specs, uses no jasmine and no Node module. Not an entry point: import it by
 * relative path.
 */
import type {Llm, LlmProviderOptions} from 'llm-rx';
import {cascade, retryBeforeFirstChunk, wrapLlm} from 'llm-rx';
import {createAnthropicLlm} from 'llm-rx/anthropic';
import {createCohereLlm} from 'llm-rx/cohere';
import {createDeepSeekLlm} from 'llm-rx/deepseek';
import {createGeminiLlm} from 'llm-rx/gemini';
import {createOpenAiLlm} from 'llm-rx/openai';
import {MOCK_PROVIDERS_URL, MOCK_SCENARIO_HEADER, mockScenario, type MockScenario} from '@llm-rx/mock-providers';
import {mulberry32} from '@llm-rx/spec-support';
import type {SecretKey} from './secret-scan';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fake key in a provider's shape: the public prefix, then characters from a seeded generator, so that the keys
 * are the same at every run but appear nowhere in the source and look like no word.
 * @param label How findings name it.
 * @param prefix The provider's documented prefix, e.g. `sk-proj-`.
 * @param length How many characters follow the prefix.
 * @param seed The generator's seed.
 * @param alphabet The characters to draw from.
 * @param suffix Fixed characters at the end (Anthropic keys end in `AA`).
 * @returns The key.
 */
export function fakeKey(
  label: string,
  prefix: string,
  length: number,
  seed: number,
  alphabet = ALPHANUMERIC,
  suffix = '',
): SecretKey {
  const random = mulberry32(seed);
  let body = '';
  // Redrawn until upper case, lower case and digits all occur, so that every key looks random.
  while (!/[A-Z]/.test(body) || !/[a-z]/.test(body) || !/\d/.test(body)) {
    body = Array.from({length}, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  }
  return {label, value: `${prefix}${body}${suffix}`, publicPrefixLength: prefix.length};
}

/** One provider adapter pointed at the mock server, with its fake key. */
export interface SecretProvider {
  /** `openai-responses`, `openai-chat`, `anthropic`, `gemini`, `deepseek` or `cohere`. */
  readonly name: string;
  /** The function a model is created with, for messages. */
  readonly createFunction: string;
  readonly key: SecretKey;
  /** Builds a key of the same shape and a different seed, e.g. for proxy mode. */
  readonly keyLike: (label: string, seed: number) => SecretKey;
  /** Creates the model; `options` carry the key and the scenario headers. */
  readonly create: (options: LlmProviderOptions) => Llm;
}

function provider(
  name: string,
  createFunction: string,
  keyLike: (label: string, seed: number) => SecretKey,
  seed: number,
  create: (options: LlmProviderOptions) => Llm,
): SecretProvider {
  return {name, createFunction, key: keyLike(`${name} key`, seed), keyLike, create};
}

const openAiKey = (label: string, seed: number) => fakeKey(label, 'sk-proj-', 48, seed);
const GEMINI_ALPHABET = `${ALPHANUMERIC}-_`;

/** Every provider, pointed at the mock server as the adapters' own specs do. */
export const SECRET_PROVIDERS: readonly SecretProvider[] = [
  provider('openai-responses', 'createOpenAiLlm', openAiKey, 0x5ec1, options =>
    createOpenAiLlm('gpt-4.1-mini', {...options, baseURL: `${MOCK_PROVIDERS_URL}/v1`}),
  ),
  provider('openai-chat', 'createOpenAiLlm', openAiKey, 0x5ec2, options =>
    createOpenAiLlm('gpt-4.1-mini', {...options, api: 'chat', baseURL: `${MOCK_PROVIDERS_URL}/v1`}),
  ),
  provider(
    'anthropic',
    'createAnthropicLlm',
    (label, seed) => fakeKey(label, 'sk-ant-api03-', 48, seed, ALPHANUMERIC, 'AA'),
    0x5ec3,
    options => createAnthropicLlm('claude-haiku-4-5', {...options, baseURL: MOCK_PROVIDERS_URL}),
  ),
  provider(
    'gemini',
    'createGeminiLlm',
    // 39 characters, as Google API keys are.
    (label, seed) => fakeKey(label, 'AIza', 35, seed, GEMINI_ALPHABET),
    0x5ec4,
    options => createGeminiLlm('gemini-2.5-flash', {...options, baseURL: MOCK_PROVIDERS_URL}),
  ),
  provider(
    'deepseek',
    'createDeepSeekLlm',
    (label, seed) => fakeKey(label, 'sk-', 32, seed),
    0x5ec5,
    options => createDeepSeekLlm('deepseek-chat', {...options, baseURL: `${MOCK_PROVIDERS_URL}/deepseek`}),
  ),
  provider(
    'cohere',
    'createCohereLlm',
    // No prefix: nothing but the value itself tells it is a key.
    (label, seed) => fakeKey(label, '', 40, seed),
    0x5ec6,
    options => createCohereLlm('command-a-03-2025', {...options, baseURL: MOCK_PROVIDERS_URL}),
  ),
];

/**
 * The provider of a name.
 * @param name The name.
 * @returns The provider.
 */
export function secretProvider(name: string): SecretProvider {
  const found = SECRET_PROVIDERS.find(candidate => candidate.name === name);
  if (!found) throw new Error(`no secrets-spec provider named ${name}`);
  return found;
}

/** How a case's call ends. */
export type SecretOutcome = 'complete' | 'error' | 'cancelled';

/** What the mock server plays in a case. */
export interface SecretEnding {
  /** Short, for tags: `http-401-echo`. */
  readonly id: string;
  /** For spec names: `HTTP 401 whose body echoes the key`. */
  readonly description: string;
  /** The scenario, without its tag. */
  readonly scenario: MockScenario;
  /** Whether the case unsubscribes after the first content chunk. */
  readonly cancelsAfterFirstChunk?: boolean;
  /** How a single provider's call ends. */
  readonly outcome: SecretOutcome;
}

/** Every ending, each error ending also with an upstream that quotes the key (`echoKey`). */
export const SECRET_ENDINGS: readonly SecretEnding[] = [
  {id: 'success', description: 'a successful answer', scenario: {chunks: 3}, outcome: 'complete'},
  ...errorEndings('http-401', 'HTTP 401', {status: 401}),
  ...errorEndings('http-500', 'HTTP 500', {status: 500}),
  ...errorEndings('mid-stream', 'a mid-stream error after one chunk', {chunks: 3, errorAfter: 1}),
  {
    id: 'cancel',
    description: 'an unsubscribe after the first chunk',
    scenario: {chunks: 5, chunkDelay: 100},
    cancelsAfterFirstChunk: true,
    outcome: 'cancelled',
  },
];

function errorEndings(id: string, description: string, scenario: MockScenario): SecretEnding[] {
  return [
    {id, description, scenario, outcome: 'error'},
    {
      id: `${id}-echo`,
      description: `${description} whose message echoes the key`,
      scenario: {...scenario, echoKey: true},
      outcome: 'error',
    },
  ];
}

/** A fault ending: the mock plays a status or a mid-stream error. */
export function isFaultEnding(ending: SecretEnding): boolean {
  return ending.scenario.status !== undefined || ending.scenario.errorAfter !== undefined;
}

/** One case: a model (or a composition), an ending, the keys to look for and what must happen. */
export interface SecretCase {
  /** For the spec name. */
  readonly name: string;
  /** The keys that must not show up anywhere. */
  readonly keys: readonly SecretKey[];
  /** The mock tags the case's requests carry. */
  readonly tags: readonly string[];
  readonly ending: SecretEnding;
  /** How the call must end. */
  readonly outcome: SecretOutcome;
  /** Creates the model; may throw (an invalid key is refused there). */
  readonly create: () => Llm;
  /** A key the case's stand-in proxy adds to every request instead of the placeholder (proxy mode). */
  readonly keyAddedByProxy?: SecretKey;
  /**
   * For an invalid key: what the library must do at creation. The case passes only if `create` throws an
   * `LlmConfigurationError`.
   */
  readonly mustRefuseAtCreation?: string;
}

let sequence = 0;

function tagOf(name: string): string {
  return `secrets-${name}-${Date.now().toString(36)}-${sequence++}`;
}

function headers(scenario: MockScenario): Record<string, string> {
  return {[MOCK_SCENARIO_HEADER]: mockScenario(scenario)};
}

/**
 * Every provider through every ending, with its key as the `apiKey` option.
 * @returns The cases.
 */
export function providerCases(): SecretCase[] {
  return SECRET_PROVIDERS.flatMap(target =>
    SECRET_ENDINGS.map(ending => {
      const tag = tagOf(`${target.name}-${ending.id}`);
      return {
        name: `${target.name}, ${ending.description}`,
        keys: [target.key],
        tags: [tag],
        ending,
        outcome: ending.outcome,
        create: () => target.create({apiKey: target.key.value, headers: headers({tag, ...ending.scenario})}),
      };
    }),
  );
}

/**
 * A cascade of Cohere (the plain-shaped key; always an HTTP 500 whose body echoes it) and Gemini (playing the
 * ending) through every ending: the first attempt's failure, echo included, lands in `LlmCascadeError.attempts`,
 * the usage part's `attempts` and the log's attempt rows, whatever the second attempt does.
 * @returns The cases.
 */
export function cascadeCases(): SecretCase[] {
  const [first, second] = [secretProvider('cohere'), secretProvider('gemini')];
  return SECRET_ENDINGS.map(ending => {
    const [firstTag, secondTag] = [tagOf(`cascade-1-${ending.id}`), tagOf(`cascade-2-${ending.id}`)];
    return {
      name: `cascade(cohere failing with an echo → gemini), ${ending.description}`,
      keys: [first.key, second.key],
      tags: [firstTag, secondTag],
      ending,
      // An HTTP error of the second child fails the whole cascade; a mid-stream error after content passes through.
      outcome: ending.outcome,
      create: () =>
        cascade([
          first.create({
            apiKey: first.key.value,
            headers: headers({tag: firstTag, status: 500, echoKey: true}),
          }),
          second.create({apiKey: second.key.value, headers: headers({tag: secondTag, ...ending.scenario})}),
        ]),
    };
  });
}

/**
 * Anthropic behind `retryBeforeFirstChunk({count: 1})` through every ending, the fault played only for the first
 * request (`failTimes: 1`): an HTTP 500 is retried and answered, so its error lands in the usage part's
 * `attempts`; a 401 and a mid-stream error are not retried.
 * @returns The cases.
 */
export function retryCases(): SecretCase[] {
  const target = secretProvider('anthropic');
  return SECRET_ENDINGS.map(ending => {
    const tag = tagOf(`retry-${ending.id}`);
    const isRecovered = ending.scenario.status === 500;
    return {
      name: `retryBeforeFirstChunk(anthropic), ${ending.description}${isRecovered ? ', then an answer' : ''}`,
      keys: [target.key],
      tags: [tag],
      ending,
      outcome: isRecovered ? 'complete' : ending.outcome,
      create: () => {
        const failTimes = isFaultEnding(ending) ? 1 : undefined;
        const llm = target.create({apiKey: target.key.value, headers: headers({tag, ...ending.scenario, failTimes})});
        return withRetry(llm);
      },
    };
  });
}

/** The model with retries, as `provideLlm(withRetry())` builds it. */
function withRetry(llm: Llm): Llm {
  return wrapLlm(llm, (request, stream) =>
    stream(request).pipe(retryBeforeFirstChunk({count: 1, initialDelayMs: 20, jitter: false})),
  );
}

/**
 * Every provider given a key with a line break, and one with a space: creation must refuse it with an
 * `LlmConfigurationError` that does not quote it. When it does not refuse, the case streams an answer, so that
 * whatever the key does further on is scanned too.
 * @returns The cases.
 */
export function invalidKeyCases(): SecretCase[] {
  const flaws = [
    ['line break', '\n', 0x1b00],
    ['space', ' ', 0x5b00],
  ] as const;
  const ending = SECRET_ENDINGS[0];
  return SECRET_PROVIDERS.flatMap((target, index) =>
    flaws.map(([flaw, character, seed]) => {
      const shaped = target.keyLike(`${target.name} key with a ${flaw}`, seed + index);
      const middle = Math.floor(((shaped.publicPrefixLength ?? 0) + shaped.value.length) / 2);
      const key: SecretKey = {
        ...shaped,
        value: `${shaped.value.slice(0, middle)}${character}${shaped.value.slice(middle)}`,
      };
      const tag = tagOf(`${target.name}-${flaw.replace(' ', '-')}`);
      return {
        name: `${target.name}, an apiKey with a ${flaw}`,
        keys: [key],
        tags: [tag],
        ending,
        outcome: ending.outcome,
        mustRefuseAtCreation: `${target.createFunction}() (${target.name}) must refuse an apiKey with a ${flaw}`,
        create: () => target.create({apiKey: key.value, headers: headers({tag, ...ending.scenario})}),
      };
    }),
  );
}

/**
 * Proxy mode: no `apiKey`, so llm-rx sends its placeholder, and a stand-in for the proxy replaces it with the real
 * key on the way out (see `withKeyAddedByProxy()`); the upstream then echoes that key. Every provider, through
 * the error endings that echo.
 * @returns The cases.
 */
export function proxyModeCases(): SecretCase[] {
  const endings = SECRET_ENDINGS.filter(ending => ending.scenario.echoKey);
  return SECRET_PROVIDERS.flatMap((target, index) => {
    const key = target.keyLike(`${target.name} key added by the proxy`, 0x9b00 + index);
    return endings.map(ending => {
      const tag = tagOf(`proxy-${target.name}-${ending.id}`);
      return {
        name: `${target.name} behind a proxy that adds the key, ${ending.description}`,
        keys: [key],
        tags: [tag],
        ending,
        outcome: ending.outcome,
        keyAddedByProxy: key,
        create: () => target.create({headers: headers({tag, ...ending.scenario})}),
      };
    });
  });
}

/**
 * Every case, in groups for `describe()`.
 * @returns `[title, cases]` pairs.
 */
export function secretCaseGroups(): ReadonlyArray<readonly [string, SecretCase[]]> {
  return [
    ['each provider with its key as apiKey:', providerCases()],
    ['a cascade:', cascadeCases()],
    ['a retry:', retryCases()],
    ['a key with a line break or a space:', invalidKeyCases()],
    ['proxy mode, the key added on the way out:', proxyModeCases()],
  ];
}
