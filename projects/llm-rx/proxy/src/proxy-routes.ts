import type {LlmProxyProviderName} from './llm-proxy-config';
import type {LlmProxyWire} from './stream/llm-proxy-wire';

/** A JSON request body, as the proxy reads and rewrites it. */
export type ProxyRequestBody = Record<string, unknown>;

/** One streaming endpoint of a provider's API that the llm-rx adapters call. */
export interface ProxyEndpoint {
  /** Which wire format the answer streams in, for the usage meter. */
  readonly wire: LlmProxyWire;
  /** Whether the endpoint serves this path (relative to the provider's base URL, without the query). */
  matches(path: string): boolean;
  /** The model the request asks for: from the path (Gemini) or the body's `model`. */
  modelOf(path: string, body: ProxyRequestBody): string | undefined;
  /** The output tokens the request asks for, as its API names them; `undefined` when it does not say. */
  maxTokensOf(body: ProxyRequestBody): unknown;
  /** The body with its output-token cap set (when the request set none). */
  withMaxTokens(body: ProxyRequestBody, maxTokens: number): ProxyRequestBody;
  /**
   * What the endpoint needs to stream with its usage, as llm-rx sends it; `undefined` when the body has it, else
   * what to tell the caller (the proxy forwards streamed calls only, so that it can meter them).
   */
  streamingProblemOf(body: ProxyRequestBody, query: URLSearchParams): string | undefined;
  /** The body with what makes the upstream report usage in its stream (OpenAI's `stream_options`). */
  withUsageReported(body: ProxyRequestBody): ProxyRequestBody;
}

/** How the proxy talks to one provider. */
export interface ProxyProviderRoute {
  /** The provider's own API, the upstream unless the config gives a `baseURL`. */
  readonly defaultBaseURL: string;
  /** The header that carries the key upstream. */
  readonly keyHeader: 'authorization' | 'x-api-key' | 'x-goog-api-key';
  readonly endpoints: readonly ProxyEndpoint[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const bodyModel = (_path: string, body: ProxyRequestBody) =>
  typeof body['model'] === 'string' ? body['model'] : undefined;

const mustStream = (body: ProxyRequestBody) =>
  body['stream'] === true
    ? undefined
    : 'send "stream": true (the proxy forwards streamed calls only, as llm-rx makes them)';

const unchanged = (body: ProxyRequestBody) => body;

/** An endpoint whose body names the model and caps output with top-level fields (`max_tokens` and the like). */
function bodyEndpoint(
  wire: LlmProxyWire,
  path: string,
  maxTokensFields: readonly string[],
  withUsageReported: (body: ProxyRequestBody) => ProxyRequestBody = unchanged,
): ProxyEndpoint {
  return {
    wire,
    matches: candidate => candidate === path,
    modelOf: bodyModel,
    maxTokensOf: body => maxTokensFields.map(field => body[field]).find(value => value !== undefined),
    withMaxTokens: (body, maxTokens) => ({...body, [maxTokensFields[0]]: maxTokens}),
    streamingProblemOf: mustStream,
    withUsageReported,
  };
}

/** Chat Completions streams usage only when asked to, in one last chunk. */
function withChatUsage(body: ProxyRequestBody): ProxyRequestBody {
  const options = isRecord(body['stream_options']) ? body['stream_options'] : {};
  return options['include_usage'] === true ? body : {...body, stream_options: {...options, include_usage: true}};
}

const GEMINI_STREAM_PATH = /^\/v1(?:beta|alpha)?\/(?:models|tunedModels)\/([^/:]+):streamGenerateContent$/;

const geminiEndpoint: ProxyEndpoint = {
  wire: 'gemini',
  matches: path => GEMINI_STREAM_PATH.test(path),
  modelOf: path => {
    const encoded = GEMINI_STREAM_PATH.exec(path)?.[1];
    try {
      return encoded === undefined ? undefined : decodeURIComponent(encoded);
    } catch {
      return undefined;
    }
  },
  maxTokensOf: body => (isRecord(body['generationConfig']) ? body['generationConfig']['maxOutputTokens'] : undefined),
  withMaxTokens: (body, maxTokens) => ({
    ...body,
    generationConfig: {
      ...(isRecord(body['generationConfig']) ? body['generationConfig'] : {}),
      maxOutputTokens: maxTokens,
    },
  }),
  streamingProblemOf: (_body, query) =>
    query.get('alt') === 'sse'
      ? undefined
      : 'call with ?alt=sse (the proxy forwards server-sent events only, as llm-rx calls)',
  withUsageReported: unchanged,
};

/**
 * The five providers' APIs as the llm-rx adapters call them, by path relative to each SDK's base URL: OpenAI's
 * base includes `/v1` (`/chat/completions`, `/responses`), DeepSeek's does not (`/chat/completions`), Anthropic
 * `/v1/messages`, Gemini `/v1beta/models/{model}:streamGenerateContent?alt=sse`, Cohere `/v2/chat`. Any other path
 * is refused, so the proxy's key cannot be used for anything else (files, fine-tuning, batches, admin).
 */
export const PROXY_ROUTES: Readonly<Record<LlmProxyProviderName, ProxyProviderRoute>> = {
  openai: {
    defaultBaseURL: 'https://api.openai.com/v1',
    keyHeader: 'authorization',
    endpoints: [
      bodyEndpoint('openai-chat', '/chat/completions', ['max_completion_tokens', 'max_tokens'], withChatUsage),
      bodyEndpoint('openai-responses', '/responses', ['max_output_tokens']),
    ],
  },
  deepseek: {
    defaultBaseURL: 'https://api.deepseek.com',
    keyHeader: 'authorization',
    endpoints: [bodyEndpoint('deepseek', '/chat/completions', ['max_tokens'], withChatUsage)],
  },
  anthropic: {
    defaultBaseURL: 'https://api.anthropic.com',
    keyHeader: 'x-api-key',
    endpoints: [bodyEndpoint('anthropic', '/v1/messages', ['max_tokens'])],
  },
  gemini: {
    defaultBaseURL: 'https://generativelanguage.googleapis.com',
    keyHeader: 'x-goog-api-key',
    endpoints: [geminiEndpoint],
  },
  cohere: {
    defaultBaseURL: 'https://api.cohere.com',
    keyHeader: 'authorization',
    endpoints: [bodyEndpoint('cohere', '/v2/chat', ['max_tokens'])],
  },
};

/** The provider names the proxy knows, in a stable order. */
export const PROXY_PROVIDER_NAMES = Object.keys(PROXY_ROUTES) as readonly LlmProxyProviderName[];
