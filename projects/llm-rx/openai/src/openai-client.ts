import type {LlmProviderOptions} from 'llm-rx';
import type OpenAI from 'openai';

/** The `openai` SDK module. */
export type _OpenAiSdk = typeof import('openai');

/** Client settings shared by OpenAI and OpenAI-compatible services. */
export interface _OpenAiClientOptions extends LlmProviderOptions {
  readonly organization?: string;
  readonly project?: string;
}

/**
 * Builds the OpenAI client of one model, for `defineLlmProvider()`.
 *
 * The client runs in browsers (`dangerouslyAllowBrowser`: point `baseURL` at a proxy that adds the key rather
 * than shipping a key to the page), never retries by itself (`maxRetries: 0`, as llm-rx owns retries), and
 * reads no organization or project from the environment.
 * @param sdk The loaded `openai` module.
 * @param options Key (the placeholder when none was given), base URL (the SDK's default or `OPENAI_BASE_URL`
 * when omitted), organization and project. Headers are sent per request (`LlmProviderCall.headers`).
 * @returns The client.
 */
export function _createOpenAiClient(
  sdk: _OpenAiSdk,
  options: _OpenAiClientOptions & {readonly apiKey: string},
): OpenAI {
  return new sdk.OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    organization: options.organization ?? null,
    project: options.project ?? null,
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
  });
}
