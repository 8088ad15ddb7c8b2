import type {LlmProviderOptions} from 'llm-rx';

/**
 * Options of a preset's model: key (none for a local server: a placeholder is sent, for a proxy to replace),
 * base URL (default the preset's), headers, timeouts and prices (default the bundled table plus the preset's
 * prices). Per-request provider options go in `request.providerOptions[<preset name>]`, e.g.
 * `providerOptions.groq`.
 */
export type LlmCompatibleOptions = LlmProviderOptions;
