/**
 * The streaming wire format of an upstream answer, which tells the proxy how to read its usage: OpenAI's Chat
 * Completions (`openai-chat`) and Responses API (`openai-responses`), DeepSeek's Chat Completions with its own
 * usage fields (`deepseek`), Anthropic's Messages API, Gemini's `streamGenerateContent?alt=sse` and Cohere's v2
 * chat.
 */
export type LlmProxyWire = 'openai-chat' | 'openai-responses' | 'deepseek' | 'anthropic' | 'gemini' | 'cohere';
