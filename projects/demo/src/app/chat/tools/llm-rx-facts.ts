/** One built-in fact of the demo's knowledge lookup, with the words it is found by. */
export interface LlmRxFact {
  readonly topic: string;
  readonly fact: string;
  /** Lower-case words that point to it, besides the words of its topic. */
  readonly keywords: readonly string[];
}

/** What the demo's `llm_rx_facts` tool knows: a dozen facts about llm-rx. */
export const LLM_RX_FACTS: readonly LlmRxFact[] = [
  {
    topic: 'Providers',
    fact: 'llm-rx streams from OpenAI, Anthropic, Google Gemini, DeepSeek and Cohere, each through its official SDK, loaded at first use.',
    keywords: ['openai', 'anthropic', 'gemini', 'google', 'deepseek', 'cohere', 'sdk', 'provider'],
  },
  {
    topic: 'Stream contract',
    fact: 'Every stream gives content chunks as they arrive, then exactly one usage part, then completion; or an error instead of the usage part.',
    keywords: ['stream', 'chunk', 'contract', 'observable', 'complete'],
  },
  {
    topic: 'Cancellation',
    fact: 'Streams are cold Observables: nothing is sent before subscription, and unsubscribing aborts the HTTP request.',
    keywords: ['cancel', 'abort', 'unsubscribe', 'cold', 'stop'],
  },
  {
    topic: 'Cascades',
    fact: 'A cascade fails over to the next model only while no content has reached the subscriber, so two answers are never glued together.',
    keywords: ['cascade', 'failover', 'fallback', 'fail'],
  },
  {
    topic: 'Cost',
    fact: "The usage part carries the cost in USD from a pinned price table, with each provider's cache rules; an unknown price is null, never 0.",
    keywords: ['cost', 'price', 'usd', 'dollar', 'money', 'pricing'],
  },
  {
    topic: 'Usage',
    fact: 'LlmUsage reports input, output, cached and reasoning tokens, the time to the first chunk, the total time, the finish reason and every attempt.',
    keywords: ['usage', 'tokens', 'timing', 'latency', 'attempts'],
  },
  {
    topic: 'Retries',
    fact: 'retryBeforeFirstChunk() retries server errors, dropped connections and timeouts, but only before the first content chunk.',
    keywords: ['retry', 'retries', 'backoff', 'timeout'],
  },
  {
    topic: 'Errors',
    fact: 'Errors are typed (LlmProviderError, LlmTimeoutError, LlmAbortError, …), say whether to retry, and never contain an API key.',
    keywords: ['error', 'errors', 'exception', 'key', 'secret'],
  },
  {
    topic: 'Structured output',
    fact: 'A request with an output schema (zod, valibot, arktype or JSON Schema) streams the object as it grows, then one validated object.',
    keywords: ['object', 'schema', 'json', 'structured', 'zod', 'extract'],
  },
  {
    topic: 'Tools',
    fact: 'runTools() runs a conversation with tools as one cold stream: tool calls stream with their arguments, the tools run, and the usage sums every step.',
    keywords: ['tool', 'tools', 'function', 'calling', 'runtools', 'agent', 'loop'],
  },
  {
    topic: 'Angular',
    fact: 'llm-rx/angular gives provideLlm(), LlmStream and injectLlmStream(), whose signals update at most once per animation frame.',
    keywords: ['angular', 'signal', 'signals', 'inject', 'component', 'frame'],
  },
  {
    topic: 'Logging',
    fact: 'llm-rx/logging keeps a local, queryable log of every call in IndexedDB (through Dexie), with live totals by provider, model or day.',
    keywords: ['log', 'logging', 'indexeddb', 'dexie', 'dashboard', 'history'],
  },
];

/**
 * The facts that best match a question, by the words they share with it.
 * @param query The question or keywords, in any case.
 * @param limit The most facts to return; default 2.
 * @returns The matching facts, best first; none when no word matches.
 */
export function lookUpFacts(query: string, limit = 2): LlmRxFact[] {
  const words = new Set(query.toLowerCase().match(/[a-z0-9]+/g) ?? []);
  return LLM_RX_FACTS.map((fact, index) => {
    const known = [...fact.keywords, ...fact.topic.toLowerCase().split(' ')];
    return {fact, index, score: known.filter(word => words.has(word)).length};
  })
    .filter(({score}) => score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map(({fact}) => fact);
}
