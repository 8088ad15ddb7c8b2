import type {LlmUsage} from '../usage/llm-usage';
import {LlmAnswerError} from './llm-answer-error';
import {hasMarker} from './llm-error';

const MARKER = Symbol.for('llm-rx.object-error');

/** Why an answer is not the object that was asked for. */
export type LlmObjectErrorKind =
  /** The text is not JSON, or it ended before the JSON value did. */
  | 'invalid-json'
  /** The JSON is well formed but the schema refused it; see `issues`. */
  | 'schema-mismatch';

/** One thing the schema refused: a message, and where in the object (keys and indexes from the root). */
export interface LlmObjectIssue {
  readonly message: string;
  readonly path: readonly (string | number)[];
  /** For `invalid-json`: the offset in `rawText` where the text stopped being JSON (its length when it ended early). */
  readonly position?: number;
}

/**
 * A request asked for an object (`LlmRequest.output`) and the answer is not one: invalid JSON, or JSON that fails
 * the schema. Raised after every chunk was emitted; it keeps the raw text, the issues, the parsed value (for a
 * schema mismatch) and the usage, since the answer was billed. Neither retried nor failed over.
 */
export class LlmObjectError extends LlmAnswerError {
  private readonly [MARKER] = true;

  /**
   * @param details What went wrong: the kind, the raw text, the issues and the parsed value.
   * @param usage The call's usage.
   */
  constructor(
    readonly details: {
      readonly kind: LlmObjectErrorKind;
      /** The schema's name, as the request gave it (or `response`). */
      readonly schemaName: string;
      /** The whole text the model answered. */
      readonly rawText: string;
      readonly issues: readonly LlmObjectIssue[];
      /** The parsed JSON, for a schema mismatch. */
      readonly value?: unknown;
      readonly cause?: unknown;
    },
    usage: LlmUsage,
  ) {
    super(objectErrorMessage(details, usage), usage, {cause: details.cause});
    this.name = 'LlmObjectError';
  }

  /** `invalid-json` or `schema-mismatch`. */
  get kind(): LlmObjectErrorKind {
    return this.details.kind;
  }

  /** The whole text the model answered. */
  get rawText(): string {
    return this.details.rawText;
  }

  /** What the JSON parser or the schema refused, in order. */
  get issues(): readonly LlmObjectIssue[] {
    return this.details.issues;
  }

  /** @internal */
  override _withUsage(usage: LlmUsage): LlmObjectError {
    return new LlmObjectError(this.details, usage);
  }

  /**
   * Whether a value is an object error, from any copy of the library.
   * @param error The value to test.
   * @returns Whether it is an `LlmObjectError`.
   */
  static override isInstance(error: unknown): error is LlmObjectError {
    return hasMarker(error, MARKER);
  }
}

const SHOWN_ISSUES = 3;

function objectErrorMessage(details: LlmObjectError['details'], usage: LlmUsage): string {
  const who = `llm-rx: the answer from ${usage.provider} (${usage.model})`;
  const issues = details.issues
    .slice(0, SHOWN_ISSUES)
    .map(issue => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`)
    .join('; ');
  const more = details.issues.length > SHOWN_ISSUES ? ` (and ${details.issues.length - SHOWN_ISSUES} more)` : '';
  if (details.kind === 'invalid-json') {
    return (
      `${who} is not valid JSON for the "${details.schemaName}" object: ${issues}. The raw text is in ` +
      'error.rawText. Ask again, or say in the prompt that the answer must be JSON only.'
    );
  }
  return (
    `${who} does not match the "${details.schemaName}" schema: ${issues}${more}. The raw text is in ` +
    'error.rawText and every issue in error.issues. Ask again, or describe the fields in the schema or the prompt.'
  );
}
