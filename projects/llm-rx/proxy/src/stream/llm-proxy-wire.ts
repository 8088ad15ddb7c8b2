/**
 * The streaming wire format of an upstream answer, which tells the proxy how to read its usage: OpenAI's Chat
 * Completions (`openai-chat`) and Responses API (`openai-responses`), DeepSeek's Chat Completions with its own
 * usage fields (`deepseek`), Anthropic's Messages API, Gemini's `streamGenerateContent?alt=sse` and Cohere's v2
 * chat, and an OpenAI-compatible service's Chat Completions (`openai-compatible`: its usage in the chunk, or in
 * `choices[0].usage` as Moonshot sends it).
 */
export type LlmProxyWire =
  'openai-compatible' | 'openai-chat' | 'openai-responses' | 'deepseek' | 'anthropic' | 'gemini' | 'cohere';
