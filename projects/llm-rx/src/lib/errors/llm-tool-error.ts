import type {LlmObjectIssue} from './llm-object-error';
import {hasMarker, LlmError} from './llm-error';

const MARKER = Symbol.for('llm-rx.tool-error');

/** Why a tool call could not give a result: its `execute` failed, or the model's input was not valid for it. */
export type LlmToolErrorKind = 'execution' | 'invalid-input';

/** What an `LlmToolError` knows about the call. */
export interface LlmToolErrorDetails {
  readonly kind: LlmToolErrorKind;
  readonly toolName: string;
  readonly toolCallId: string;
  /** The 0-based step of the loop whose answer asked for the call. */
  readonly step: number;
  /** For `invalid-input`: why the input was refused (invalid JSON, a schema mismatch, an unknown tool). */
  readonly issues?: readonly LlmObjectIssue[];
  /** For `execution`: what `execute` threw or emitted as an error. */
  readonly cause?: unknown;
}

/**
 * A tool call of `runTools()` failed, and the loop's `toolErrors` policy is `throw` (by default the error is told to
 * the model instead, as the call's result with `isError`). Every attempt of every step so far is in `attempts`.
 */
export class LlmToolError extends LlmError {
  private readonly [MARKER] = true;
  readonly kind: LlmToolErrorKind;
  readonly toolName: string;
  readonly toolCallId: string;
  readonly step: number;
  readonly issues: readonly LlmObjectIssue[];

  /** @param details The call and what went wrong. */
  constructor(details: LlmToolErrorDetails) {
    super(
      details.kind === 'invalid-input'
        ? `llm-rx: the model called the tool "${details.toolName}" with an input it refuses: ` +
            `${(details.issues ?? []).map(issue => issue.message).join('; ')}.`
        : `llm-rx: the tool "${details.toolName}" failed: ${messageOf(details.cause)}`,
      {cause: details.cause},
    );
    this.name = 'LlmToolError';
    this.kind = details.kind;
    this.toolName = details.toolName;
    this.toolCallId = details.toolCallId;
    this.step = details.step;
    this.issues = details.issues ?? [];
  }

  /**
   * Whether a value is a tool error, from any copy of the library.
   * @param error The value to test.
   * @returns Whether it is an `LlmToolError`.
   */
  static override isInstance(error: unknown): error is LlmToolError {
    return hasMarker(error, MARKER);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
