/*
 * The bad option values of the bad-input suite (bad-input.spec.ts): the options of every provider's create
 * function and of `createLlm()`, and the arguments of `cascade()`. Each must throw an `LlmConfigurationError`
 * whose `field` names the option, before anything is sent. Spec support only.
 */
import {type Llm, LlmPriceTable} from 'llm-rx';
import type {AnyOptions, ProviderTarget} from './bad-input-targets';

/** One kind of bad option value. */
export interface BadOptionCase {
  /** What is wrong, in words: the spec's name. */
  readonly kind: string;
  /** The `error.field` expected. */
  readonly field: string;
  /** The model id to create with, when the model is at fault; the target's otherwise. */
  readonly model?: {readonly value: unknown};
  /** Laid over the target's options (a test key and the mock server's base URL). */
  readonly options?: AnyOptions;
  /** Where the scenario tag travels: the options' headers (default) or the request's (the case breaks the former). */
  readonly tagIn?: 'options' | 'request';
  /** The provider families it applies to; all when absent. */
  readonly families?: readonly ProviderTarget['family'][];
  /** A secret the message must not quote. */
  readonly secret?: string;
}

const OPENAI: readonly ProviderTarget['family'][] = ['openai'];

/** Every kind of bad option value, grouped by option. */
export const BAD_OPTION_CASES: readonly BadOptionCase[] = [
  // The model id.
  {kind: 'model id is empty', field: 'model', model: {value: ''}},
  {kind: 'model id is blank', field: 'model', model: {value: '  '}},
  {kind: 'model id is a number', field: 'model', model: {value: 42}},

  // apiKey and apiKeyAlias.
  {kind: 'apiKey is empty', field: 'apiKey', options: {apiKey: ''}},
  {
    kind: 'apiKey contains a newline',
    field: 'apiKey',
    options: {apiKey: 'sk-test-bad-input\nsecret-0001'},
    secret: 'secret-0001',
  },
  {
    kind: 'apiKey contains a space',
    field: 'apiKey',
    options: {apiKey: 'sk-test-bad-input secret-0002'},
    secret: 'secret-0002',
  },
  {kind: 'apiKey is a number', field: 'apiKey', options: {apiKey: 12345678}},
  {kind: 'apiKeyAlias is a number', field: 'apiKeyAlias', options: {apiKeyAlias: 42}},

  // baseURL.
  {kind: 'baseURL is not a URL', field: 'baseURL', options: {baseURL: 'not a url'}},
  {kind: 'baseURL is an ftp: URL', field: 'baseURL', options: {baseURL: 'ftp://example.com'}},
  {kind: 'baseURL is a javascript: URL', field: 'baseURL', options: {baseURL: 'javascript:alert(1)'}},
  {kind: 'baseURL is empty', field: 'baseURL', options: {baseURL: ''}},
  {kind: 'baseURL is a number', field: 'baseURL', options: {baseURL: 4010}},

  // headers (the options'): the tag travels in the request's headers instead.
  {kind: 'option headers is a string', field: 'headers', tagIn: 'request', options: {headers: 'x-llm-rx-note: hi'}},
  {
    kind: 'an option header value is a number',
    field: 'headers',
    tagIn: 'request',
    options: {headers: {'x-llm-rx-count': 5}},
  },
  {
    kind: 'an option header value contains CR LF',
    field: 'headers',
    tagIn: 'request',
    options: {headers: {'x-llm-rx-note': 'hello\r\nx-llm-rx-injected: yes'}},
  },
  {
    kind: 'an option header name contains a space',
    field: 'headers',
    tagIn: 'request',
    options: {headers: {'x-llm-rx bad': 'yes'}},
  },

  // Timeouts.
  {kind: 'firstChunkTimeoutMs is -1', field: 'firstChunkTimeoutMs', options: {firstChunkTimeoutMs: -1}},
  {kind: 'firstChunkTimeoutMs is NaN', field: 'firstChunkTimeoutMs', options: {firstChunkTimeoutMs: NaN}},
  {kind: 'firstChunkTimeoutMs is 0', field: 'firstChunkTimeoutMs', options: {firstChunkTimeoutMs: 0}},
  {kind: 'firstChunkTimeoutMs is a string', field: 'firstChunkTimeoutMs', options: {firstChunkTimeoutMs: '1000'}},
  {kind: 'idleTimeoutMs is -1', field: 'idleTimeoutMs', options: {idleTimeoutMs: -1}},
  {kind: 'idleTimeoutMs is NaN', field: 'idleTimeoutMs', options: {idleTimeoutMs: NaN}},
  {kind: 'idleTimeoutMs is 0', field: 'idleTimeoutMs', options: {idleTimeoutMs: 0}},
  {kind: 'idleTimeoutMs is a string', field: 'idleTimeoutMs', options: {idleTimeoutMs: '1000'}},

  // priceTable.
  {kind: 'priceTable is an empty object', field: 'priceTable', options: {priceTable: {}}},
  {kind: 'priceTable is a string', field: 'priceTable', options: {priceTable: 'default'}},

  // OpenAI's own options.
  {kind: 'api is neither "responses" nor "chat"', field: 'api', families: OPENAI, options: {api: 'completions'}},
  {kind: 'providerName is empty', field: 'providerName', families: OPENAI, options: {providerName: ''}},
  {kind: 'providerName is a number', field: 'providerName', families: OPENAI, options: {providerName: 42}},
  {kind: 'organization is a number', field: 'organization', families: OPENAI, options: {organization: 42}},
  {kind: 'project is a number', field: 'project', families: OPENAI, options: {project: 42}},

  // Anthropic's.
  {kind: 'defaultMaxTokens is 0', field: 'defaultMaxTokens', families: ['anthropic'], options: {defaultMaxTokens: 0}},
  {
    kind: 'defaultMaxTokens is fractional',
    field: 'defaultMaxTokens',
    families: ['anthropic'],
    options: {defaultMaxTokens: 1.5},
  },
  {
    kind: 'defaultMaxTokens is a string',
    field: 'defaultMaxTokens',
    families: ['anthropic'],
    options: {defaultMaxTokens: '100'},
  },

  // Gemini's.
  {kind: 'apiVersion is a number', field: 'apiVersion', families: ['gemini'], options: {apiVersion: 1}},
  {kind: 'apiVersion contains a space', field: 'apiVersion', families: ['gemini'], options: {apiVersion: 'v1 beta'}},
];

/** A valid edge value that must not be refused: the model is created, reaches the mock server and completes. */
export interface ValidOptionCase {
  readonly kind: string;
  readonly options: (target: ProviderTarget) => AnyOptions;
  /** The provider families it applies to; all when absent. */
  readonly families?: readonly ProviderTarget['family'][];
}

/** Positive controls: a library that refuses everything fails these. */
export const VALID_OPTION_CASES: readonly ValidOptionCase[] = [
  {
    kind: 'firstChunkTimeoutMs and idleTimeoutMs null',
    options: () => ({firstChunkTimeoutMs: null, idleTimeoutMs: null}),
  },
  {
    kind: 'firstChunkTimeoutMs and idleTimeoutMs 5000',
    options: () => ({firstChunkTimeoutMs: 5000, idleTimeoutMs: 5000}),
  },
  {
    kind: "the mock server's baseURL, a key and an alias",
    options: target => ({baseURL: target.baseURL, apiKey: 'sk-test-Valid_key-0123', apiKeyAlias: 'team key'}),
  },
  {
    kind: 'a priceTable with an added price',
    options: target => ({
      priceTable: LlmPriceTable.default.withPrices(target.provider, {
        'bad-input-fine-tune': {inputPerMillion: 1, outputPerMillion: 2},
      }),
    }),
  },
  {
    kind: 'organization, project and providerName "openai"',
    families: OPENAI,
    options: () => ({organization: 'org-test', project: 'proj_test', providerName: 'openai'}),
  },
  {kind: 'defaultMaxTokens 1', families: ['anthropic'], options: () => ({defaultMaxTokens: 1})},
  {kind: 'apiVersion "v1beta"', families: ['gemini'], options: () => ({apiVersion: 'v1beta'})},
];

/** One kind of bad argument of `cascade(llms, options)`. */
export interface BadCascadeCase {
  readonly kind: string;
  /** The `error.field` expected. */
  readonly field: string;
  /** The arguments, from a valid child whose option headers carry the case's tag. */
  readonly build: (child: Llm) => readonly [llms: unknown, options?: unknown];
}

/** Every kind of bad argument of `cascade()`. */
export const BAD_CASCADE_CASES: readonly BadCascadeCase[] = [
  {kind: 'cascade([])', field: 'llms', build: () => [[]]},
  {kind: 'cascade(undefined)', field: 'llms', build: () => [undefined]},
  {kind: "cascade('x')", field: 'llms', build: () => ['x']},
  {kind: 'cascade([{}])', field: 'llms', build: () => [[{}]]},
  {kind: 'cascade([llm, null])', field: 'llms', build: child => [[child, null]]},
  {kind: 'cascade([llm, 5])', field: 'llms', build: child => [[child, 5]]},
  {
    kind: 'cascade([llm], {shouldFailOver: a string})',
    field: 'shouldFailOver',
    build: child => [[child], {shouldFailOver: 'always'}],
  },
  {kind: 'cascade([llm], {onFailOver: a number})', field: 'onFailOver', build: child => [[child], {onFailOver: 5}]},
];
