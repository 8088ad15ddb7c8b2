/** The wire format an upstream answer streams in: one per llm-rx adapter's endpoint. */
export type LlmProxyWire = 'openai-chat' | 'openai-responses' | 'deepseek' | 'anthropic' | 'gemini' | 'cohere';
