import type {LlmChunk, LlmObjectIssue} from 'llm-rx';

/**
 * Where a tool call is: its arguments still streaming; `ready` (complete, for the app to run: a call of a single
 * stream, or one `runTools()` left to the app because its tool has no `execute`); `running` (complete, its tool
 * running in `runTools()`); `done` with its result, or `error` with the error `runTools()` fed back to the model.
 * A stream that fails or is cancelled leaves its calls where they were; its own status says how it ended.
 */
export type LlmToolCallStatus = 'streaming-arguments' | 'ready' | 'running' | 'done' | 'error';

/** A tool call as it streams and runs: a new immutable value each time it changes. */
export interface LlmToolCallState {
  /** The call's id, as the model gave it. */
  readonly toolCallId: string;
  readonly toolName: string;
  /** The argument text (JSON) so far, as the model writes it. */
  readonly argumentsText: string;
  /** The arguments parsed so far: not validated, a deep partial of the input; `undefined` until a first value. */
  readonly partialInput: unknown;
  /** The validated input (the schema's output), once the arguments are complete; `undefined` before. */
  readonly input: unknown;
  /** Why the call cannot run (invalid JSON, a schema mismatch, an unknown tool); `undefined` for a valid call. */
  readonly issues: readonly LlmObjectIssue[] | undefined;
  readonly status: LlmToolCallStatus;
  /** What the tool gave back (`done`), or why it failed (`error`); absent before. */
  readonly result?: unknown;
  /** The 0-based step of `runTools()` whose answer made the call; 0 for a single stream. */
  readonly step: number;
  /**
   * How long the answer's text (all steps together) was when the call started, so that a view can show the call
   * in its place: after `text.slice(0, textOffset)`.
   */
  readonly textOffset: number;
}

/** The tool calls of one stream so far, and what placing the next call needs. */
export interface _ToolCallsState {
  /** Whether the stream is a `runTools()` loop, whose complete calls run. */
  readonly inLoop: boolean;
  /** The step the next call belongs to. */
  readonly step: number;
  /** The length of the text so far. */
  readonly textLength: number;
  /** The calls, in the order they started. */
  readonly calls: readonly LlmToolCallState[];
}

/**
 * The tool-call state before any chunk.
 * @param inLoop Whether the stream is a `runTools()` loop (complete calls are then `running`, not `ready`).
 * @returns The empty state.
 */
export function _noToolCalls(inLoop: boolean): _ToolCallsState {
  return {inLoop, step: 0, textLength: 0, calls: []};
}

/**
 * Adds one chunk to the tool-call state. Pure: a chunk that changes a call gives a new state with a new `calls`
 * list, in which only that call is a new object; any other chunk gives the same `calls` list (a text part only
 * moves `textLength`, and the rest give back the state itself).
 * @param state The state so far.
 * @param chunk The next chunk of the stream.
 * @returns The new state.
 */
export function _reduceToolCalls(state: _ToolCallsState, chunk: LlmChunk): _ToolCallsState {
  switch (chunk.type) {
    case 'text-delta':
      return {...state, textLength: state.textLength + chunk.text.length};
    case 'tool-call-start':
      return withCall(state, chunk.toolCallId, chunk.toolName, call => call);
    case 'tool-call-delta':
      return withCall(state, chunk.toolCallId, chunk.toolName, call => ({
        ...call,
        argumentsText: call.argumentsText + chunk.argumentsDelta,
        ...(chunk.partialInput !== undefined && {partialInput: chunk.partialInput}),
      }));
    case 'tool-call-end':
      return withCall(state, chunk.toolCallId, chunk.toolName, call => ({
        ...call,
        argumentsText: chunk.argumentsText,
        input: chunk.input,
        issues: chunk.issues,
        status: state.inLoop ? 'running' : 'ready',
      }));
    case 'tool-result':
      return withCall(state, chunk.toolCallId, chunk.toolName, call => ({
        ...call,
        status: chunk.isError === true ? 'error' : 'done',
        result: chunk.output,
      }));
    case 'step-finish':
      return {
        ...state,
        step: chunk.step + 1,
        // The step's tools have all reported: a call still running was left to the app (its tool has no execute).
        calls: state.calls.some(call => call.step === chunk.step && call.status === 'running')
          ? state.calls.map(call =>
              call.step === chunk.step && call.status === 'running' ? {...call, status: 'ready'} : call,
            )
          : state.calls,
      };
    default:
      return state;
  }
}

/** The state with one call changed, or added (at the end, as started) when it is new. */
function withCall(
  state: _ToolCallsState,
  toolCallId: string,
  toolName: string,
  change: (call: LlmToolCallState) => LlmToolCallState,
): _ToolCallsState {
  const index = state.calls.findIndex(call => call.toolCallId === toolCallId);
  if (index < 0) {
    const started: LlmToolCallState = {
      toolCallId,
      toolName,
      argumentsText: '',
      partialInput: undefined,
      input: undefined,
      issues: undefined,
      status: 'streaming-arguments',
      step: state.step,
      textOffset: state.textLength,
    };
    return {...state, calls: [...state.calls, change(started)]};
  }
  const changed = change(state.calls[index]);
  if (changed === state.calls[index]) return state;
  const calls = [...state.calls];
  calls[index] = changed;
  return {...state, calls};
}
