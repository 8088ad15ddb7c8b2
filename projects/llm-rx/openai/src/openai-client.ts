import type {LlmProviderOptions} from 'llm-rx';
import {LlmConfigurationError} from 'llm-rx';
import type OpenAI from 'openai';
import type {OpenAiErrorClasses} from './openai-errors';

/** Client settings shared by OpenAI and OpenAI-compatible services. */
export interface _OpenAiClientOptions extends LlmProviderOptions {
  readonly organization?: string;
  readonly project?: string;
}

/** A built client and the SDK's error classes, to recognise what the client throws. */
export interface _OpenAiConnection {
  readonly client: OpenAI;
  readonly sdk: OpenAiErrorClasses;
}

/**
 * The key sent when none is given: the SDK refuses to run without one, and a proxy in front of the service
 * replaces it with the real key on the server.
 */
export const NO_API_KEY_PLACEHOLDER = 'llm-rx-no-key';

let sdkModule: Promise<typeof import('openai')> | undefined;

/**
 * Loads the `openai` SDK on first use, so that apps that never call OpenAI never download it.
 * @returns The SDK module, loaded once per app.
 * @throws LlmConfigurationError when the package cannot be loaded.
 */
export async function loadOpenAiSdk(): Promise<typeof import('openai')> {
  sdkModule ??= import('openai');
  try {
    return await sdkModule;
  } catch (error) {
    // Let a later call try again, e.g. after a failed chunk download in a browser.
    sdkModule = undefined;
    throw new LlmConfigurationError(
      'llm-rx: could not load the "openai" package. Install it next to llm-rx (npm install openai).',
      {cause: error},
    );
  }
}

/**
 * Makes a function that builds an OpenAI client on its first call and returns the same one afterwards, so an
 * `Llm` loads the SDK only when its stream is first subscribed.
 *
 * The client runs in browsers (`dangerouslyAllowBrowser`: point `baseURL` at a proxy that adds the key rather
 * than shipping a key to the page), never retries by itself (`maxRetries: 0`, as llm-rx owns retries), and
 * reads no organization or project from the environment. Without `apiKey` it sends the placeholder key
 * `llm-rx-no-key`, for a proxy to replace.
 * @param options Key, base URL (the SDK's default or `OPENAI_BASE_URL` when omitted), headers, organization and
 * project.
 * @returns A function resolving to the client and the SDK's error classes.
 */
export function _lazyOpenAiConnection(options: _OpenAiClientOptions): () => Promise<_OpenAiConnection> {
  let connection: _OpenAiConnection | undefined;
  return async () => {
    if (connection) return connection;
    const sdk = await loadOpenAiSdk();
    const client = new sdk.OpenAI({
      apiKey: options.apiKey ?? NO_API_KEY_PLACEHOLDER,
      baseURL: options.baseURL,
      organization: options.organization ?? null,
      project: options.project ?? null,
      defaultHeaders: options.headers,
      dangerouslyAllowBrowser: true,
      maxRetries: 0,
    });
    connection = {client, sdk: sdk.OpenAI};
    return connection;
  };
}
