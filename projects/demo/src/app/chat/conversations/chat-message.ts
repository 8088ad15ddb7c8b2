import type {LlmToolCallState} from 'llm-rx/angular';
import type {LlmErrorDescription} from '../describe-llm-error';

/** What the user wrote, one turn. */
export interface ChatUserMessage {
  readonly role: 'user';
  readonly id: string;
  /** Its text (empty when only images were sent). */
  readonly content: string;
  /**
   * The images sent with it, in order, as `Blob`s (a `File` is one): IndexedDB stores them as they are, so a
   * reloaded conversation shows and resends the same bytes. Absent when none was attached.
   */
  readonly images?: readonly Blob[];
  /** When it was sent (epoch ms). */
  readonly sentAt: number;
}

/**
 * Where an answer is: streaming, or ended (`interrupted` when the tab closed while it streamed and the answer was
 * restored from what was saved).
 */
export type ChatAnswerStatus = 'streaming' | 'done' | 'error' | 'cancelled' | 'interrupted';

/** The model's answer, one turn, as stored: plain data only, so that IndexedDB keeps it as it is. */
export interface ChatAssistantMessage {
  readonly role: 'assistant';
  readonly id: string;
  readonly content: string;
  readonly reasoning: string;
  /** How long the model reasoned before its first word, when it streamed reasoning. */
  readonly thoughtMs: number | null;
  readonly status: ChatAnswerStatus;
  /** When its request was sent and when it ended (epoch ms): the window its log row is looked for in. */
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly stats: ChatMessageStats | null;
  readonly error: LlmErrorDescription | null;
  readonly toolCalls: readonly LlmToolCallState[];
  /** The id of its row in the demo's call log, once found. */
  readonly callRowId: string | null;
}

export type ChatMessage = ChatUserMessage | ChatAssistantMessage;

/** One failed attempt before the answering one, with why. */
export interface ChatFailedAttempt {
  readonly provider: string;
  readonly model: string;
  readonly durationMs: number | null;
  readonly reason: string;
}

/** An answer's footer: who answered, timings, tokens, cost; a copy of the usage that IndexedDB can keep. */
export interface ChatMessageStats {
  readonly provider: string;
  readonly model: string;
  /** The attempts the last model call took (retries and cascade children); the last one answered. */
  readonly attemptCount: number;
  readonly failedAttempts: readonly ChatFailedAttempt[];
  readonly timeToFirstChunkMs: number | null;
  readonly responseTimeMs: number | null;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly totalCost: number | null;
  readonly finishReason: string;
  readonly finishReasonRaw: string | null;
  /** The model calls of a tool loop, `null` for a plain call. */
  readonly steps: number | null;
}

/** A conversation: its messages in order, user and assistant turns alternating. */
export interface ChatConversation {
  readonly id: string;
  /** From the first prompt. */
  readonly title: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly messages: readonly ChatMessage[];
}
