import type {LlmProviderOptions} from 'llm-rx';

/** Options of the Gemini provider. */
export interface GeminiOptions extends LlmProviderOptions {
  /** The API version path segment; default the SDK's (`v1` in `@google/genai` 3.x). `''` removes it. */
  readonly apiVersion?: string;
}
