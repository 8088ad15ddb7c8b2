import type {LlmProxyCompatibleConfig, LlmProxyProviderName} from './llm-proxy-config';
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
   * What keeps the proxy from forwarding the body as it is, as llm-rx never sends it: not streamed (the proxy
   * forwards streamed calls only, so that it can meter them), or a field spelled so the proxy would not check it;
   * `undefined` when it may go.
   */
  shapeProblemOf(body: ProxyRequestBody, query: URLSearchParams): string | undefined;
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
    maxTokensOf: body => largestCap(maxTokensFields.map(field => body[field])),
    withMaxTokens: (body, maxTokens) => ({...body, [maxTokensFields[0]]: maxTokens}),
    shapeProblemOf: mustStream,
    withUsageReported,
  };
}

/**
 * The cap a body asks for when it may name it twice (Chat Completions' `max_completion_tokens` and `max_tokens`): an
 * invalid value as it is (to be refused), else the largest, so that a compatible upstream honouring either is
 * within the proxy's cap.
 */
function largestCap(values: readonly unknown[]): unknown {
  const given = values.filter(value => value !== undefined);
  const invalid = given.find(value => !(Number.isInteger(value) && (value as number) > 0));
  if (invalid !== undefined || given.length === 0) return invalid;
  return Math.max(...(given as number[]));
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
      const model = encoded === undefined ? undefined : decodeURIComponent(encoded);
      // An encoded `/` would name a model outside the allowed prefix (`gemini%2F..%2Fx`).
      return model?.includes('/') ? undefined : model;
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
  shapeProblemOf: (body, query) => {
    if (query.get('alt') !== 'sse') {
      return 'call with ?alt=sse (the proxy forwards server-sent events only, as llm-rx calls)';
    }
    // The API also reads snake_case, where the proxy would not see the output-token cap.
    return 'generation_config' in body ? 'send generationConfig (camelCase), as llm-rx does' : undefined;
  },
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

/**
 * How the proxy talks to an OpenAI-compatible service: its Chat Completions endpoint only, the key as a bearer
 * token, the output cap written as `max_tokens` (which every compatible service reads; Mistral refuses
 * `max_completion_tokens`), and usage asked for with `stream_options` unless its quirks say it refuses the field.
 * @param config The service's proxy configuration.
 * @returns Its route.
 */
export function compatibleProxyRoute(config: LlmProxyCompatibleConfig): ProxyProviderRoute {
  const withUsageReported = config.quirks?.streamOptions === false ? unchanged : withChatUsage;
  return {
    defaultBaseURL: config.baseURL,
    keyHeader: 'authorization',
    endpoints: [
      bodyEndpoint(
        'openai-compatible',
        '/chat/completions',
        ['max_tokens', 'max_completion_tokens'],
        withUsageReported,
      ),
    ],
  };
}
