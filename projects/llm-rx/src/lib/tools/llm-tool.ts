import type {Observable} from 'rxjs';
import type {LlmJsonSchema, LlmSchema} from '../object/llm-output';
import type {LlmMessage} from '../request/llm-request';

/**
 * A tool the model may call: a name, what it does, and the schema of its input. Give tools in `LlmRequest.tools`;
 * the stream then shows each call the model makes as it streams (`tool-call-start`, `tool-call-delta`,
 * `tool-call-end`). `runTools()` runs the tools' `execute` and continues the conversation until the model answers.
 * @typeParam TInput The validated input's type (the input schema's output).
 * @typeParam TResult What `execute` gives back.
 *
 * ```ts
 * const weather = llmTool({
 *   name: 'weather',
 *   description: 'The weather in a city today.',
 *   inputSchema: z.object({city: z.string()}),
 *   execute: async ({city}, {signal}) => (await fetch(`/api/weather?city=${city}`, {signal})).json(),
 * });
 * ```
 */
export interface LlmTool<TInput = unknown, TResult = unknown> {
  /** The name the model calls it by: 1 to 64 letters, digits, `_` or `-`, unique in the request. */
  readonly name: string;
  /** What the tool does and when to use it: the model decides from this. */
  readonly description?: string;
  /**
   * The schema of the tool's input: a Standard Schema (zod 4, valibot, arktype, …) or a plain JSON Schema whose
   * root is an object, as for `LlmOutput.schema`. The input is validated by it before `execute` sees it.
   */
  readonly inputSchema: LlmSchema<TInput>;
  /** The JSON Schema to send, for a Standard Schema that cannot convert itself (as `LlmOutput.jsonSchema`). */
  readonly inputJsonSchema?: LlmJsonSchema;
  /**
   * Runs the tool, for `runTools()`: a value, a Promise or an Observable (its last value is the result). It must
   * stop when `context.signal` aborts. A tool without `execute` ends the loop when the model calls it, leaving the
   * call to the app (e.g. a confirmation the user must give).
   */
  // A method, not a function property: a tool typed by its schema is then still an `LlmTool` of a request.
  execute?(input: TInput, context: LlmToolContext): TResult | PromiseLike<TResult> | Observable<TResult>;
}

/** What a tool's `execute` is given besides its input. */
export interface LlmToolContext {
  /** Aborts when the loop's subscriber unsubscribes (or the loop fails): stop the work and its requests. */
  readonly signal: AbortSignal;
  /** The call's id, as the model gave it. */
  readonly toolCallId: string;
  /** The 0-based step of the loop whose answer asked for the call. */
  readonly step: number;
  /** The conversation so far, the assistant's message with this call last. */
  readonly messages: readonly LlmMessage[];
}

/**
 * Which tools the model may call: `auto` (it decides; the default), `none` (no tool, even if given), `required` (at
 * least one tool), or `{tool: name}` (exactly that one).
 */
export type LlmToolChoice = 'auto' | 'none' | 'required' | {readonly tool: string};

/** A tool call the model made, as the conversation's assistant message carries it. */
export interface LlmToolCall {
  /** The call's id, as the model gave it; the tool's result names it. */
  readonly toolCallId: string;
  readonly toolName: string;
  /** The call's input: the parsed JSON of its arguments. */
  readonly input: unknown;
  /**
   * What the provider needs back with the call in a later turn, opaque to the app (e.g. Gemini's thought
   * signature), keyed by provider name.
   */
  readonly providerData?: Readonly<Record<string, unknown>>;
}

/** The result of a tool call, as the conversation's `tool` message and the loop's `tool-result` part carry it. */
export interface LlmToolResult {
  /** The id of the call it answers. */
  readonly toolCallId: string;
  readonly toolName: string;
  /** What the tool gave back; sent to the model as JSON (a string as it is). */
  readonly output: unknown;
  /** The tool failed: `output` says why, for the model to recover. */
  readonly isError?: boolean;
}

/**
 * Defines a tool with its input's type taken from the schema, so that `execute` and the stream's tool calls are
 * typed. It returns the tool itself.
 * @param tool The tool.
 * @returns The same tool.
 * @typeParam TInput The input schema's output type.
 * @typeParam TResult What `execute` gives back.
 */
export function llmTool<TInput, TResult = unknown>(tool: LlmTool<TInput, TResult>): LlmTool<TInput, TResult> {
  return tool;
}
