/*
 * The bad request values of the bad-input suite (bad-input.spec.ts): each kind is one row, run on every provider
 * adapter and through a cascade (or on the providers it names). Each must fail with an `LlmInvalidRequestError`
 * whose `field` is the request field at fault, before any request reaches the mock server. Spec support only.
 */
import type {LlmRequest} from 'llm-rx';

/** What a case builds its bad request from. */
export interface BadRequestContext {
  /**
   * A valid request whose prompt names the case's tag; its headers carry the tag too, unless the case puts the
   * tag in the options' headers (`tagIn: 'options'`).
   */
  readonly request: LlmRequest;
  /** The key of `request.providerOptions` the model reads, e.g. `openai`. */
  readonly provider: string;
}

/** One kind of bad request value. */
export interface BadRequestCase {
  /** What is wrong, in words: the spec's name. */
  readonly kind: string;
  /** The `error.field` expected; several when either may be blamed (the message must name each). */
  readonly field: string | readonly string[];
  /** Where the scenario tag travels: the request's headers (default) or the options' (the case breaks the former). */
  readonly tagIn?: 'request' | 'options';
  /** Builds the bad request (any value). */
  readonly build: (context: BadRequestContext) => unknown;
  /** The request targets it applies to, by label; all when absent. */
  readonly only?: readonly string[];
}

const user = (content: string) => ({role: 'user', content});
const promptOf = (request: LlmRequest) => request.userPrompt ?? 'Say hello.';
const withoutPrompt = ({userPrompt: _userPrompt, ...rest}: LlmRequest) => rest;

/** Every kind of bad request value, grouped by field. */
export const BAD_REQUEST_CASES: readonly BadRequestCase[] = [
  // The request itself.
  {kind: 'request is undefined', field: 'request', tagIn: 'options', build: () => undefined},
  {kind: 'request is null', field: 'request', tagIn: 'options', build: () => null},
  {kind: 'request is a string', field: 'request', tagIn: 'options', build: () => 'Say hello.'},
  {kind: 'request is a number', field: 'request', tagIn: 'options', build: () => 42},

  // output: the object asked for.
  {kind: 'output is a string', field: 'output', build: ({request}) => ({...request, output: 'contact'})},
  {kind: 'output has no schema', field: 'output.schema', build: ({request}) => ({...request, output: {}})},
  {
    kind: 'output.schema is not an object schema',
    field: 'output.schema',
    build: ({request}) => ({...request, output: {schema: {type: 'array', items: {type: 'string'}}}}),
  },
  {
    kind: 'output.name has spaces',
    field: 'output.name',
    build: ({request}) => ({...request, output: {schema: {type: 'object'}, name: 'contact card'}}),
  },
  {
    kind: 'output.description is not a string',
    field: 'output.description',
    build: ({request}) => ({...request, output: {schema: {type: 'object'}, description: 42}}),
  },

  // tools: what the model may call.
  {kind: 'tools is not a list', field: 'tools', build: ({request}) => ({...request, tools: {name: 'weather'}})},
  {
    kind: 'a tool has no input schema',
    field: 'tools[0].inputSchema',
    build: ({request}) => ({...request, tools: [{name: 'weather'}]}),
  },
  {
    kind: 'a tool name has spaces',
    field: 'tools[0].name',
    build: ({request}) => ({...request, tools: [{name: 'the weather', inputSchema: {type: 'object'}}]}),
  },
  {
    kind: 'two tools share a name',
    field: 'tools[1].name',
    build: ({request}) => ({
      ...request,
      tools: [
        {name: 'weather', inputSchema: {type: 'object'}},
        {name: 'weather', inputSchema: {type: 'object'}},
      ],
    }),
  },
  {
    kind: 'toolChoice names no given tool',
    field: 'toolChoice',
    build: ({request}) => ({
      ...request,
      tools: [{name: 'weather', inputSchema: {type: 'object'}}],
      toolChoice: {tool: 'clock'},
    }),
  },
  {
    kind: 'tools with output',
    field: 'tools',
    build: ({request}) => ({
      ...request,
      tools: [{name: 'weather', inputSchema: {type: 'object'}}],
      output: {schema: {type: 'object'}},
    }),
  },
  {
    kind: 'a tool result answers no call',
    field: 'messages',
    build: ({request}) => ({
      ...withoutPrompt(request),
      messages: [user(promptOf(request)), {role: 'tool', toolCallId: 'call_x', toolName: 'weather', output: 'sunny'}],
    }),
  },

  // userPrompt.
  {kind: 'userPrompt is missing', field: 'userPrompt', build: ({request}) => withoutPrompt(request)},
  {kind: 'userPrompt is empty', field: 'userPrompt', build: ({request}) => ({...request, userPrompt: ''})},
  {kind: 'userPrompt is blank', field: 'userPrompt', build: ({request}) => ({...request, userPrompt: ' \n\t '})},
  {kind: 'userPrompt is not a string', field: 'userPrompt', build: ({request}) => ({...request, userPrompt: 42})},

  // messages.
  {
    kind: 'both userPrompt and messages',
    field: ['messages', 'userPrompt'],
    build: ({request}) => ({...request, messages: [user(promptOf(request))]}),
  },
  {kind: 'messages is empty', field: 'messages', build: ({request}) => ({...withoutPrompt(request), messages: []})},
  {
    kind: 'messages is not an array',
    field: 'messages',
    build: ({request}) => ({...withoutPrompt(request), messages: promptOf(request)}),
  },
  {
    kind: 'messages has an entry that is null',
    field: 'messages',
    build: ({request}) => ({...withoutPrompt(request), messages: [null, user(promptOf(request))]}),
  },
  {
    kind: 'a message has the role "system"',
    field: 'messages',
    build: ({request}) => ({
      ...withoutPrompt(request),
      messages: [{role: 'system', content: 'Be brief.'}, user(promptOf(request))],
    }),
  },
  {
    kind: 'a message content is not a string',
    field: 'messages',
    build: ({request}) => ({...withoutPrompt(request), messages: [{role: 'user', content: 42}]}),
  },
  {
    kind: 'a message content is empty',
    field: 'messages',
    build: ({request}) => ({...withoutPrompt(request), messages: [user(promptOf(request)), user('')]}),
  },
  {
    kind: "the last message is not the user's",
    field: 'messages',
    build: ({request}) => ({
      ...withoutPrompt(request),
      messages: [user(promptOf(request)), {role: 'assistant', content: 'Hello!'}],
    }),
  },

  // systemPrompt.
  {kind: 'systemPrompt is not a string', field: 'systemPrompt', build: ({request}) => ({...request, systemPrompt: 42})},

  // temperature.
  {kind: 'temperature below 0', field: 'temperature', build: ({request}) => ({...request, temperature: -0.1})},
  {kind: 'temperature above 2', field: 'temperature', build: ({request}) => ({...request, temperature: 2.5})},
  {kind: 'temperature is NaN', field: 'temperature', build: ({request}) => ({...request, temperature: NaN})},
  {kind: 'temperature is a string', field: 'temperature', build: ({request}) => ({...request, temperature: '0.5'})},
  {
    kind: 'temperature is Infinity',
    field: 'temperature',
    build: ({request}) => ({...request, temperature: Infinity}),
  },

  // topP.
  {kind: 'topP is 0', field: 'topP', build: ({request}) => ({...request, topP: 0})},
  {kind: 'topP is negative', field: 'topP', build: ({request}) => ({...request, topP: -0.5})},
  {kind: 'topP above 1', field: 'topP', build: ({request}) => ({...request, topP: 1.5})},
  {kind: 'topP is NaN', field: 'topP', build: ({request}) => ({...request, topP: NaN})},
  {kind: 'topP is a string', field: 'topP', build: ({request}) => ({...request, topP: '0.9'})},

  // maxTokens.
  {kind: 'maxTokens is 0', field: 'maxTokens', build: ({request}) => ({...request, maxTokens: 0})},
  {kind: 'maxTokens is negative', field: 'maxTokens', build: ({request}) => ({...request, maxTokens: -5})},
  {kind: 'maxTokens is fractional', field: 'maxTokens', build: ({request}) => ({...request, maxTokens: 1.5})},
  {kind: 'maxTokens is a string', field: 'maxTokens', build: ({request}) => ({...request, maxTokens: '100'})},
  {kind: 'maxTokens is NaN', field: 'maxTokens', build: ({request}) => ({...request, maxTokens: NaN})},
  {kind: 'maxTokens is Infinity', field: 'maxTokens', build: ({request}) => ({...request, maxTokens: Infinity})},

  // stopSequences.
  {
    kind: 'stopSequences is a string',
    field: 'stopSequences',
    build: ({request}) => ({...request, stopSequences: 'END'}),
  },
  {
    kind: 'stopSequences contains an empty string',
    field: 'stopSequences',
    build: ({request}) => ({...request, stopSequences: ['END', '']}),
  },
  {
    kind: 'stopSequences contains a number',
    field: 'stopSequences',
    build: ({request}) => ({...request, stopSequences: ['END', 5]}),
  },

  // providerOptions.
  {
    kind: 'providerOptions is a string',
    field: 'providerOptions',
    build: ({request}) => ({...request, providerOptions: 'fast'}),
  },
  {
    kind: 'providerOptions is an array',
    field: 'providerOptions',
    build: ({request}) => ({...request, providerOptions: [{seed: 7}]}),
  },
  {
    kind: 'providerOptions is a number',
    field: 'providerOptions',
    build: ({request}) => ({...request, providerOptions: 5}),
  },
  {
    kind: "the provider's providerOptions entry is a string",
    field: 'providerOptions',
    build: ({request, provider}) => ({...request, providerOptions: {[provider]: 'fast'}}),
  },
  {
    kind: "the provider's providerOptions entry is null",
    field: 'providerOptions',
    build: ({request, provider}) => ({...request, providerOptions: {[provider]: null}}),
  },

  // headers (the request's): the tag travels in the options' headers instead.
  {
    kind: 'request headers is a string',
    field: 'headers',
    tagIn: 'options',
    build: ({request}) => ({...request, headers: 'x-llm-rx-note: hello'}),
  },
  {
    kind: 'a request header value is a number',
    field: 'headers',
    tagIn: 'options',
    build: ({request}) => ({...request, headers: {'x-llm-rx-count': 5}}),
  },
  {
    kind: 'a request header value contains CR LF',
    field: 'headers',
    tagIn: 'options',
    build: ({request}) => ({...request, headers: {'x-llm-rx-note': 'hello\r\nx-llm-rx-injected: yes'}}),
  },
  {
    kind: 'a request header value contains LF',
    field: 'headers',
    tagIn: 'options',
    build: ({request}) => ({...request, headers: {'x-llm-rx-note': 'hello\nworld'}}),
  },
  {
    kind: 'a request header name contains a space',
    field: 'headers',
    tagIn: 'options',
    build: ({request}) => ({...request, headers: {'x-llm-rx bad': 'yes'}}),
  },
  {
    kind: 'a request header name contains a colon',
    field: 'headers',
    tagIn: 'options',
    build: ({request}) => ({...request, headers: {'x-llm-rx:bad': 'yes'}}),
  },

  // signal and onAttempt.
  {kind: 'signal is a string', field: 'signal', build: ({request}) => ({...request, signal: 'abort'})},
  {kind: 'signal is a plain object', field: 'signal', build: ({request}) => ({...request, signal: {aborted: false}})},
  {
    kind: 'onAttempt is not a function',
    field: 'onAttempt',
    build: ({request}) => ({...request, onAttempt: 'console.log'}),
  },

  // Provider-specific limits, from each adapter's TSDoc and the README.
  {
    kind: "topP above Cohere's 0.99",
    field: 'topP',
    only: ['cohere'],
    build: ({request}) => ({...request, topP: 0.995}),
  },
  {
    kind: "topP below Cohere's 0.01",
    field: 'topP',
    only: ['cohere'],
    build: ({request}) => ({...request, topP: 0.005}),
  },
  {
    kind: "temperature above Anthropic's 1",
    field: 'temperature',
    only: ['anthropic'],
    build: ({request}) => ({...request, temperature: 1.5}),
  },
  {
    kind: 'stopSequences on the Responses API, which has none',
    field: 'stopSequences',
    only: ['openai-responses'],
    build: ({request}) => ({...request, stopSequences: ['END']}),
  },
];

/** A valid edge value that must not be refused: it reaches the mock server and completes. */
export interface ValidRequestCase {
  readonly kind: string;
  readonly build: (request: LlmRequest) => LlmRequest;
  /** The request targets it applies to, by label; all when absent. */
  readonly only?: readonly string[];
  /** The request targets it does not apply to, by label. */
  readonly except?: readonly string[];
}

/** Positive controls: a library that refuses everything fails these. */
export const VALID_REQUEST_CASES: readonly ValidRequestCase[] = [
  {kind: 'temperature 0', build: request => ({...request, temperature: 0})},
  {kind: 'temperature 2', except: ['anthropic'], build: request => ({...request, temperature: 2})},
  {
    kind: 'temperature 1 (the most Anthropic takes)',
    only: ['anthropic'],
    build: request => ({...request, temperature: 1}),
  },
  {kind: 'topP 1', except: ['cohere'], build: request => ({...request, topP: 1})},
  {kind: 'topP 0.99 (the most Cohere takes)', only: ['cohere'], build: request => ({...request, topP: 0.99})},
  {kind: 'topP 0.01 (the least Cohere takes)', only: ['cohere'], build: request => ({...request, topP: 0.01})},
  {kind: 'maxTokens 1', build: request => ({...request, maxTokens: 1})},
  {
    kind: 'stopSequences ["END"]',
    except: ['openai-responses'],
    build: request => ({...request, stopSequences: ['END']}),
  },
  {
    kind: 'a conversation that ends with the user',
    build: ({userPrompt, ...request}) => ({
      ...request,
      messages: [
        {role: 'user', content: 'Hi.'},
        {role: 'assistant', content: 'Hello!'},
        {role: 'user', content: userPrompt ?? 'Say hello.'},
      ],
    }),
  },
  {
    kind: 'systemPrompt, an extra header and providerOptions for another provider',
    build: request => ({
      ...request,
      systemPrompt: 'Be brief.',
      headers: {...request.headers, 'x-llm-rx-note': 'hello'},
      providerOptions: {'some-other-provider': {anything: true}},
    }),
  },
  {kind: 'a live AbortSignal', build: request => ({...request, signal: new AbortController().signal})},
  {kind: 'an onAttempt function', build: request => ({...request, onAttempt: () => undefined})},
];
