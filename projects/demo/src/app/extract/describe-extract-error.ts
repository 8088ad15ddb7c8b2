import {LlmAnswerError, LlmObjectError, LlmRefusalError, LlmTruncationError, type LlmUsage} from 'llm-rx';
import {describeLlmError} from '../chat/describe-llm-error';
import type {ObjectPath} from './growing-path';

/** Why an extraction failed: the object errors of llm-rx, or any other stream error. */
export type ExtractErrorKind = 'invalid-json' | 'schema-mismatch' | 'refusal' | 'truncated' | 'other';

/** One validation issue as the page lists it. */
export interface ExtractIssue {
  /** Where, e.g. `address.postalCode` or `lines[2].unitPrice`; `(root)` for the whole object. */
  readonly path: string;
  readonly message: string;
}

/** A failed extraction as the Extract page shows it. */
export interface ExtractErrorDescription {
  readonly kind: ExtractErrorKind;
  /** One line: what happened. */
  readonly title: string;
  /** What to do about it. */
  readonly advice: string;
  /** The error's own message. */
  readonly message: string;
  /** What the model answered: the object error's raw text, the refusal, the text before the cut, or the stream's text. */
  readonly rawText: string;
  readonly issues: readonly ExtractIssue[];
  /** The usage of an answer that was billed although it is not the object. */
  readonly usage: LlmUsage | undefined;
}

/**
 * Describes the error that ended an extraction: branches on llm-rx's error types with `isInstance()`.
 * @param error What the object stream errored with.
 * @param streamedText The text streamed before the error, shown when the error carries none.
 * @returns The kind, what happened and what to do, the raw text, the issues and the usage.
 */
export function describeExtractError(error: unknown, streamedText: string): ExtractErrorDescription {
  const message = error instanceof Error ? error.message : String(error);
  const usage = LlmAnswerError.isInstance(error) ? error.usage : undefined;
  if (LlmObjectError.isInstance(error)) {
    const issues = error.issues.map(issue => ({path: formatIssuePath(issue.path), message: issue.message}));
    return error.kind === 'invalid-json'
      ? {
          kind: 'invalid-json',
          title: 'The answer is not valid JSON.',
          advice: 'Ask again; a provider that takes the schema natively rarely does this.',
          message,
          rawText: error.rawText,
          issues,
          usage,
        }
      : {
          kind: 'schema-mismatch',
          title: `The JSON does not match the schema (${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}).`,
          advice: 'Ask again, or describe the fields better (in the schema or the prompt).',
          message,
          rawText: error.rawText,
          issues,
          usage,
        };
  }
  if (LlmRefusalError.isInstance(error)) {
    return {
      kind: 'refusal',
      title: 'The model refused to answer.',
      advice: 'Rephrase the request, or check that the text is something the model may process.',
      message,
      rawText: error.refusal,
      issues: [],
      usage,
    };
  }
  if (LlmTruncationError.isInstance(error)) {
    return {
      kind: 'truncated',
      title: 'The answer was cut off at the token limit: the object is incomplete.',
      advice: 'Raise "Max tokens" in Settings, or extract from a shorter text.',
      message,
      rawText: error.partialContent,
      issues: [],
      usage,
    };
  }
  const {title, advice} = describeLlmError(error);
  return {kind: 'other', title, advice, message, rawText: streamedText, issues: [], usage};
}

/**
 * An issue's path as people read it.
 * @param path Keys and indexes from the root.
 * @returns e.g. `lines[2].unitPrice`, or `(root)`.
 */
export function formatIssuePath(path: ObjectPath): string {
  if (path.length === 0) return '(root)';
  return path.map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`)).join('');
}
