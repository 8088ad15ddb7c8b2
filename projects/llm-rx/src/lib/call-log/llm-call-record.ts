import type {LlmObjectErrorKind, LlmObjectIssue} from '../errors/llm-object-error';
import type {LlmJsonSchema} from '../object/llm-output';
import type {LlmImageDescription} from '../image/describe-llm-image';
import type {LlmTextPart} from '../request/llm-content';
import type {LlmAssistantMessage, LlmToolMessage} from '../request/llm-request';
import type {LlmToolChoice} from '../tools/llm-tool';
import type {LlmFinishReasonType} from '../usage/llm-usage';

/**
 * Where a logged attempt stands.
 *
 * - `in-progress`: started, not ended yet (or the tab is still writing it).
 * - `ok`: completed with a usage part.
 * - `error`: ended with an error (a truncated answer included).
 * - `cancelled`: the subscriber unsubscribed first.
 * - `interrupted`: found `in-progress` after the tab that ran it closed.
 */
export type LlmCallStatus = 'in-progress' | 'ok' | 'error' | 'cancelled' | 'interrupted';

/**
 * One row of the `calls` table: one attempt of a call, without its prompt or answer (see `LlmBodyRecord`).
 *
 * Token and cost fields are `null` when the provider reported nothing (a cancelled call, an unpriced model),
 * never a silent 0. Timestamps are epoch milliseconds.
 */
export interface LlmCallRecord {
  /** A random id; the body of the call has the same id. */
  readonly id: string;
  /** Shared by every attempt of one user request (a cascade's or a retry's attempts). */
  readonly traceId: string;
  /** The `LlmCallLog` (one per tab) that wrote the row; used to spot rows of closed tabs. */
  readonly sessionId: string;
  readonly provider: string;
  readonly model: string;
  /** The caller's label for the call site or alias (`LlmLogOptions.label`), or `null`. */
  readonly label: string | null;
  /**
   * The name of the schema a request with `output` asked for (`output.name`, default `response`), on every row of
   * the call; `null` for prose. Rows written before schema version 3 have `null`.
   */
  readonly outputName: string | null;
  /**
   * The tool loop this call is a step of (`request.toolLoop.id`, set by `runTools()`), on every row of the step's
   * call, so that one loop's rows can be listed together; `null` outside a loop. Rows written before schema version
   * 4 have `null`.
   */
  readonly loopId: string | null;
  /** The 0-based step of the loop (`request.toolLoop.step`); `null` outside a loop and before schema version 4. */
  readonly step: number | null;
  /**
   * How many tool calls the answer made (its `tool-call-end` parts, valid or not; so far, while it runs), on every
   * row of the call; `null` for a request that offers no `tools`, and before schema version 4.
   */
  readonly toolCallCount: number | null;
  readonly status: LlmCallStatus;
  readonly startedAt: number;
  readonly firstChunkAt: number | null;
  readonly endedAt: number | null;
  /** The UTC day of `startedAt`, `YYYY-MM-DD`, for per-day breakdowns (schema version 2). */
  readonly day: string;
  readonly timeToFirstChunkMs: number | null;
  readonly responseTimeMs: number | null;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly cachedInputTokens: number | null;
  readonly cacheWriteTokens: number | null;
  readonly reasoningTokens: number | null;
  readonly inputCost: number | null;
  readonly outputCost: number | null;
  readonly totalCost: number | null;
  readonly finishReason: LlmFinishReasonType | null;
  /** The provider's own finish reason, e.g. `end_turn`. */
  readonly finishReasonRaw: string | null;
  /** The error's `name`, e.g. `LlmProviderError`. */
  readonly errorType: string | null;
  readonly errorMessage: string | null;
  /** The 0-based position of this attempt among the call's attempts. */
  readonly attemptIndex: number;
  /** How many attempts the call made. */
  readonly attemptCount: number;
  /** The first 16 hex characters of the SHA-256 of the API key; the key itself is never stored. */
  readonly apiKeyHash: string | null;
  readonly apiKeyAlias: string | null;
}

/**
 * An image of a user message, as stored in a body row: what `describeLlmImage()` gives (where it came from, its
 * media type, its size, the SHA-256 of its bytes), never the bytes unless the log was made with `storeImages`.
 *
 * The SHA-256 is computed off the stream's path: a row written before it was known (a call cancelled or failed at
 * once, a page that unloaded) has `sha256: null`, and the media type and size known without reading the image;
 * the row is written again with the hash once it is known, while the page lives.
 */
export interface LlmImageBody extends Omit<LlmImageDescription, 'sha256'> {
  readonly type: 'image';
  /** The lower-case hex SHA-256 of the bytes (of the URL's text for a URL), or `null` while not known. */
  readonly sha256: string | null;
  /**
   * The image itself, only with the log's `storeImages` option: a URL as given, or the bytes as a base64 `data:`
   * URL (a `Blob` read into one; absent while it is being read). Never passed through the redaction hook.
   */
  readonly image?: string;
}

/** A user message as stored: a string content as it was (redacted), or its text parts and image descriptions. */
export interface LlmUserMessageBody {
  readonly role: 'user';
  readonly content: string | readonly (LlmTextPart | LlmImageBody)[];
}

/**
 * A message as stored in a body row: the user's (images described, see `LlmImageBody`), the model's, or a tool's
 * result. Rows written before images existed hold string contents, which this type still describes.
 */
export type LlmMessageBody = LlmUserMessageBody | LlmAssistantMessage | LlmToolMessage;

/** What was asked, as stored in a body row: the prompts and sampling parameters, never headers or keys. */
export interface LlmRequestBody {
  readonly systemPrompt?: string;
  readonly userPrompt?: string;
  /** The conversation, each text redacted; a user message's images as `LlmImageBody` descriptions. */
  readonly messages?: readonly LlmMessageBody[];
  readonly temperature?: number;
  readonly topP?: number;
  readonly maxTokens?: number;
  readonly stopSequences?: readonly string[];
  /**
   * What a request with `output` asked for: the schema's name, its description and the JSON Schema sent (as
   * `resolveLlmOutput()` gives it), never the Standard Schema object itself.
   */
  readonly output?: {
    readonly name: string;
    readonly description?: string;
    readonly jsonSchema: LlmJsonSchema;
  };
  /** The tools a request gave: each one's name, description and input JSON Schema (never the schema object). */
  readonly tools?: readonly {
    readonly name: string;
    readonly description?: string;
    readonly jsonSchema: LlmJsonSchema;
  }[];
  /** The request's `toolChoice`, when given. */
  readonly toolChoice?: LlmToolChoice;
}

/**
 * A tool call of the answer, as stored in a body row (from its `tool-call-end` part). The provider's opaque data
 * (`providerData`) is not kept.
 */
export interface LlmToolCallBody {
  readonly toolCallId: string;
  readonly toolName: string;
  /**
   * The input, stored as its JSON form: the validated input, or for a call with `issues` what its arguments parsed
   * to (`undefined` for arguments that are not JSON).
   */
  readonly input: unknown;
  /**
   * The argument text as the model wrote it, kept only for a call with `issues` (a valid call's `input` says the
   * same).
   */
  readonly argumentsText?: string;
  /** Why the call could not run: invalid JSON, a schema mismatch or an unknown tool; absent for a valid call. */
  readonly issues?: readonly LlmObjectIssue[];
}

/**
 * What came back, as stored in a body row: the text and reasoning streamed so far (partial if the call failed). For
 * a request with `output`, the text is the answer's JSON text, and the object (or why there is none) comes too.
 */
export interface LlmResponseBody {
  readonly text: string;
  readonly reasoning: string;
  /**
   * The validated object (the stream's `object` part), stored as its JSON form (what `JSON.stringify` would
   * write); absent for prose, and when no object came.
   */
  readonly object?: unknown;
  /** Why the answer is not the object asked for (an `LlmObjectError`); the raw text is `text`. */
  readonly objectError?: {
    readonly kind: LlmObjectErrorKind;
    readonly issues: readonly LlmObjectIssue[];
  };
  /** What the model said instead of the object (an `LlmRefusalError`'s `refusal`). */
  readonly refusal?: string;
  /**
   * The tool calls the answer made, in the order they ended; absent when it made none. A stream that failed keeps
   * the calls that ended before it failed.
   */
  readonly toolCalls?: readonly LlmToolCallBody[];
}

/** One row of the `bodies` table, kept apart from `calls` so that dashboards never load it. */
export interface LlmBodyRecord {
  /** The id of the call row it belongs to. */
  readonly id: string;
  readonly traceId: string;
  readonly request: LlmRequestBody | null;
  /** `null` while the call runs. */
  readonly response: LlmResponseBody | null;
}
