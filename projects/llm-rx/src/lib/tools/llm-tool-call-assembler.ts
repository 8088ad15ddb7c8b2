import type {LlmToolCallDelta, LlmToolCallEnd, LlmToolCallStart} from '../chunk/llm-chunk';
import type {LlmObjectIssue} from '../errors/llm-object-error';
import {PartialJsonParser} from '../object/partial-json-parser';
import {isStandardSchema} from '../object/resolve-llm-output';
import {loadJsonSchemaValidator, type LlmObjectValidation, validateAgainstSchema} from '../object/validate-llm-object';
import type {
  ProviderToolCallDeltaEvent,
  ProviderToolCallEndEvent,
  ProviderToolCallStartEvent,
} from '../provider/provider-stream-event';
import type {LlmTool} from './llm-tool';

/** A tool call's end, now or once its input is validated (an asynchronous schema, a validator still loading). */
export type LlmToolCallEnding = LlmToolCallEnd | Promise<LlmToolCallEnd>;

interface OpenToolCall {
  readonly toolName: string;
  readonly parser: PartialJsonParser;
  text: string;
}

/**
 * Turns an adapter's tool-call events into the stream's tool-call parts: it names the tool on every delta, parses
 * the arguments as they grow (a `partialInput` when a piece changed them) and, at each call's end, parses the whole
 * text and validates it with the tool's input schema. A call that names no tool of the request, or whose arguments
 * are not valid JSON or do not match, ends with `issues`. Used by `fromProviderStream()`; one per attempt.
 */
export class LlmToolCallAssembler {
  readonly #tools: ReadonlyMap<string, LlmTool>;
  /** The calls started and not ended, in the order they started. */
  readonly #open = new Map<string, OpenToolCall>();
  #count = 0;

  /** @param tools The request's tools. */
  constructor(tools: readonly LlmTool[]) {
    this.#tools = new Map(tools.map(tool => [tool.name, tool]));
    // Loaded while the request is on its way, so that validating a call's input need not wait for it.
    if (tools.some(tool => !isStandardSchema(tool.inputSchema))) void loadJsonSchemaValidator().catch(() => undefined);
  }

  /** How many calls started in this answer. */
  get count(): number {
    return this.#count;
  }

  /**
   * A call started.
   * @param event The adapter's event.
   * @returns The part to emit; `undefined` for a call id already open (a provider repeating itself).
   */
  start(event: ProviderToolCallStartEvent): LlmToolCallStart | undefined {
    if (this.#open.has(event.toolCallId)) return undefined;
    this.#open.set(event.toolCallId, {toolName: event.toolName, parser: new PartialJsonParser(), text: ''});
    this.#count++;
    return {type: 'tool-call-start', toolCallId: event.toolCallId, toolName: event.toolName};
  }

  /**
   * A piece of a call's arguments.
   * @param event The adapter's event.
   * @returns The part to emit, with the arguments parsed so far when the piece changed them; `undefined` for a
   *   call that is not open or an empty piece.
   */
  delta(event: ProviderToolCallDeltaEvent): LlmToolCallDelta | undefined {
    const call = this.#open.get(event.toolCallId);
    if (call === undefined || event.argumentsDelta === '') return undefined;
    call.text += event.argumentsDelta;
    const {toolCallId, argumentsDelta} = event;
    const {toolName} = call;
    // Two literals rather than a spread: one object per piece, on the path every argument piece takes.
    return call.parser.push(argumentsDelta)
      ? {type: 'tool-call-delta', toolCallId, toolName, argumentsDelta, partialInput: call.parser.snapshot()}
      : {type: 'tool-call-delta', toolCallId, toolName, argumentsDelta};
  }

  /**
   * A call ended: its input parsed and validated.
   * @param event The adapter's event.
   * @returns The end part, or a promise of it while validation runs; `undefined` for a call that is not open.
   */
  end(event: ProviderToolCallEndEvent): LlmToolCallEnding | undefined {
    const call = this.#open.get(event.toolCallId);
    if (call === undefined) return undefined;
    this.#open.delete(event.toolCallId);
    return this.#ending(event.toolCallId, call, event.providerData);
  }

  /**
   * Ends every call still open, in the order they started: at the answer's `finish`.
   * @returns Their end parts (or promises of them).
   */
  endAll(): LlmToolCallEnding[] {
    const endings = [...this.#open.entries()].map(([toolCallId, call]) => this.#ending(toolCallId, call));
    this.#open.clear();
    return endings;
  }

  #ending(toolCallId: string, call: OpenToolCall, providerData?: Readonly<Record<string, unknown>>): LlmToolCallEnding {
    const {toolName, text} = call;
    const base = {
      type: 'tool-call-end' as const,
      toolCallId,
      toolName,
      argumentsText: text,
      ...(providerData && {providerData}),
    };
    const invalid = (input: unknown, issues: readonly LlmObjectIssue[]): LlmToolCallEnd => ({...base, input, issues});
    const tool = this.#tools.get(toolName);
    if (tool === undefined) {
      return invalid(undefined, [
        {
          message:
            `the model called "${toolName}", which is not among the request's tools ` +
            `(${[...this.#tools.keys()].join(', ') || 'none'})`,
          path: [],
        },
      ]);
    }
    // No argument text at all (a tool without parameters, on some providers) means an empty input.
    const parsed = text.trim() === '' ? {value: {}} : call.parser.end();
    if ('failure' in parsed) {
      const {message, position} = parsed.failure;
      return invalid(undefined, [{message: `${message} (at character ${position})`, path: [], position}]);
    }
    const settle = (validation: LlmObjectValidation): LlmToolCallEnd =>
      validation.issues === undefined ? {...base, input: validation.value} : invalid(parsed.value, validation.issues);
    try {
      const validation = validateAgainstSchema(tool.inputSchema, parsed.value);
      return validation instanceof Promise
        ? validation.then(settle, error => invalid(parsed.value, [failed(error)]))
        : settle(validation);
    } catch (error) {
      return invalid(parsed.value, [failed(error)]);
    }
  }
}

function failed(error: unknown): LlmObjectIssue {
  return {
    message: `the input could not be validated: ${error instanceof Error ? error.message : String(error)}`,
    path: [],
  };
}
