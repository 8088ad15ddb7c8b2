import type {LlmReasoningDelta, LlmTextDelta} from '../chunk/llm-chunk';
import type {LlmFinishReason, LlmTokenCounts} from '../usage/llm-usage';

/** The provider's final report: token counts and finish reason, from its own usage fields. */
export interface ProviderFinishEvent {
  readonly type: 'finish';
  readonly tokens: LlmTokenCounts;
  readonly finishReason: LlmFinishReason;
  /** An in-band error message, for providers that report failures in their final event (Cohere). */
  readonly errorMessage?: string;
  /**
   * The model's refusal, for providers that stream it apart from the text (OpenAI's `refusal`): a request for an
   * object then ends with an `LlmRefusalError` holding it.
   */
  readonly refusal?: string;
}

/**
 * What a provider adapter's event source yields: content as it arrives, then one `finish` event.
 * A source that ends without `finish` is reported as an incomplete stream.
 */
export type ProviderStreamEvent = LlmTextDelta | LlmReasoningDelta | ProviderFinishEvent;
