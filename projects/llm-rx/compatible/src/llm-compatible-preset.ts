import type {LlmImageInput} from 'llm-rx';

/**
 * How an OpenAI-compatible service departs from OpenAI's Chat Completions, as far as llm-rx sends and reads it.
 */
export interface LlmCompatibleQuirks {
  /**
   * Whether it accepts `stream_options: {include_usage: true}`. When `false` it is never sent (the service refuses
   * the field, or reports usage without it).
   */
  readonly streamOptions: boolean;
  /**
   * Where its stream carries the usage: `chunk` (the last chunk's `usage`, OpenAI's way) or `choice` (inside the
   * last chunk's `choices[0].usage`).
   */
  readonly usageIn: 'chunk' | 'choice';
  /**
   * Whether the service may stream no usage at all (a local server whose version ignores `stream_options`): a
   * call then finishes on its finish reason with zero token counts (a local model's cost is 0 whatever they are).
   */
  readonly usageOptional: boolean;
  /**
   * The delta field its reasoning models stream their thinking in (`reasoning_content` or `reasoning`), or
   * `undefined` when it streams none apart from the text.
   */
  readonly reasoningField: 'reasoning_content' | 'reasoning' | undefined;
  /** Whether it takes tools, and which of OpenAI's tool fields. */
  readonly tools: {readonly supported: boolean; readonly parallelToolCalls: boolean; readonly strict: boolean};
  /** How a request's `output` is asked for: OpenAI's JSON Schema response format, or JSON mode. */
  readonly structuredOutput: 'json-schema' | 'json-object';
}

/**
 * A named OpenAI-compatible service or local server: where it is, which key it needs, what it accepts and what
 * a browser may do with it. Each preset is also a provider (`groqProvider`, …) for `registerLlmProvider()`.
 */
export interface LlmCompatiblePreset {
  /** The provider name: in `createLlm(name, …)`, usage, errors, price lookup and `providerOptions`. */
  readonly name: string;
  /** The service's name as people write it, e.g. `Groq`. */
  readonly label: string;
  /** Its OpenAI-compatible base URL (the SDK appends `/chat/completions`). */
  readonly baseURL: string;
  /**
   * The environment variable a server (llm-rx/proxy, the demo's proxy) reads the key from, e.g. `GROQ_API_KEY`;
   * `undefined` for a local server, which needs no key.
   */
  readonly keyEnvVar: string | undefined;
  /** Whether it runs on the user's machine (Ollama, LM Studio): no key, no cost. */
  readonly local: boolean;
  /**
   * Whether a browser page may call it directly: `allowed` (it answers CORS preflights for any origin),
   * `blocked` (it does not: go through llm-rx/proxy), or `configurable` (a local server's setting).
   */
  readonly browserCors: 'allowed' | 'blocked' | 'configurable';
  /** What to know about CORS, in a sentence (how to allow the demo's origin, or why to use the proxy). */
  readonly corsNote: string;
  /** A model id for examples and the empty-model message. */
  readonly exampleModel: string;
  readonly quirks: LlmCompatibleQuirks;
  /** What it accepts of images; `undefined` when it takes none. */
  readonly imageInput: LlmImageInput | undefined;
}
