import type {MockPlan, MockRequestTools, MockToolCall, MockUsage, ProviderWire} from './provider-wire';

/**
 * The Gemini API path: any version segment (`v1`, `v1beta`, none when `apiVersion: ''`), then
 * `models/{model}:streamGenerateContent` (the SDK calls it with `?alt=sse`, which is not part of the pathname).
 */
const STREAM_PATH = /^(?:\/[^/]+)?\/(?:models|tunedModels)\/([^/]+):streamGenerateContent$/;

/** The google.rpc status names Gemini puts beside the numeric code. */
const RPC_STATUS: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** Gemini has no refusal text: a refused answer ends like a filtered one, with `SAFETY`. */
const FINISH_REASON: Readonly<Record<MockPlan['finish'], string>> = {
  stop: 'STOP',
  length: 'MAX_TOKENS',
  'content-filter': 'SAFETY',
  refusal: 'SAFETY',
  'tool-calls': 'STOP',
};

/**
 * One Gemini SSE event: a `data:` line with one JSON document and the `\r\n\r\n` the real service ends events
 * with. Never an `event:` line: `@google/genai` drops any block that starts with one.
 */
function sse(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\r\n\r\n`;
}

/**
 * The running `usageMetadata` after some thoughts and candidate tokens. Gemini omits zero counts (proto3 JSON);
 * `promptTokenCount` includes the cached part, and `candidatesTokenCount` excludes thoughts.
 */
function usageMetadata(usage: MockUsage, thoughts: number, candidates: number): Record<string, unknown> {
  const metadata: Record<string, unknown> = {promptTokenCount: usage.inputTokens};
  if (candidates > 0) metadata['candidatesTokenCount'] = candidates;
  metadata['totalTokenCount'] = usage.inputTokens + candidates + thoughts;
  metadata['promptTokensDetails'] = [{modality: 'TEXT', tokenCount: usage.inputTokens}];
  if (usage.cachedInputTokens > 0) {
    metadata['cachedContentTokenCount'] = usage.cachedInputTokens;
    metadata['cacheTokensDetails'] = [{modality: 'TEXT', tokenCount: usage.cachedInputTokens}];
  }
  if (thoughts > 0) metadata['thoughtsTokenCount'] = thoughts;
  return metadata;
}

/** Output tokens that are not thoughts: what Gemini reports as `candidatesTokenCount`. */
function candidateTokens(usage: MockUsage): number {
  return Math.max(usage.outputTokens - usage.reasoningTokens, 0);
}

/** The REST body's parts of `@google/genai`'s request that name tools, as `toolsOf` reads them. */
interface GeminiToolsBody {
  readonly tools?: readonly {
    readonly functionDeclarations?: readonly {
      readonly name?: string;
      readonly parametersJsonSchema?: unknown;
      readonly parameters?: unknown;
    }[];
  }[];
  readonly toolConfig?: {readonly functionCallingConfig?: {mode?: string; allowedFunctionNames?: string[]}};
  readonly contents?: readonly {readonly role?: string; readonly parts?: readonly {functionCall?: unknown}[]}[];
}

/** The forced tool of a function calling config: `NONE` forbids calls, `ANY` with one allowed name forces it. */
function forcedOf(body: GeminiToolsBody): MockRequestTools['forced'] {
  const config = body.toolConfig?.functionCallingConfig;
  if (config?.mode === 'NONE') return 'none';
  const names = config?.allowedFunctionNames;
  return config?.mode === 'ANY' && names?.length === 1 ? names[0] : undefined;
}

/**
 * A call's arguments as Gemini's `functionCall.args`: always an object, already parsed, since Gemini parses the
 * model's arguments itself. Argument text that is not a JSON object cannot travel on this wire: it goes as `{}`.
 */
function argsOf(call: MockToolCall): Record<string, unknown> {
  try {
    const args: unknown = JSON.parse(call.arguments);
    return typeof args === 'object' && args !== null && !Array.isArray(args) ? (args as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A thought signature as Gemini's thinking models put on the first call of an answer (opaque base64). */
function thoughtSignatureOf(plan: MockPlan): string {
  return btoa(`mock-thought-signature:${plan.responseId}`);
}

function chunk(plan: MockPlan, candidate: Record<string, unknown>, metadata: Record<string, unknown>): string {
  return sse({
    candidates: [{...candidate, index: 0}],
    usageMetadata: metadata,
    modelVersion: plan.model,
    responseId: plan.responseId,
  });
}

/**
 * Gemini's `streamGenerateContent?alt=sse`: every chunk is a whole `GenerateContentResponse` with a cumulative
 * `usageMetadata`; thought summaries are parts with `thought: true`; the last chunk carries `finishReason`, after
 * which the server closes the connection. There are no opening events and no terminator. A function call comes
 * whole, in one `functionCall` part with its id and parsed `args`; the first of an answer carries a
 * `thoughtSignature`, as Gemini's thinking models send it. An answer of calls ends with `STOP`, as Gemini's do.
 * @see https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent
 */
export const geminiWire = {
  name: 'gemini',

  matches(method: string, pathname: string): boolean {
    return method === 'POST' && STREAM_PATH.test(pathname);
  },

  modelOf(pathname: string, _body?: unknown): string {
    const match = STREAM_PATH.exec(pathname);
    return match ? decodeURIComponent(match[1]) : '';
  },

  /**
   * `generationConfig.responseJsonSchema`, where `@google/genai` puts `config.responseJsonSchema` (it sends the
   * JSON Schema unchanged; the older `responseSchema`, Gemini's OpenAPI subset, is not read).
   */
  outputSchemaOf(body: unknown): unknown {
    const request = body as {generationConfig?: {responseJsonSchema?: unknown}} | null;
    const schema = request?.generationConfig?.responseJsonSchema;
    return typeof schema === 'object' && schema !== null ? schema : undefined;
  },

  /**
   * The function declarations of `tools` (their `parametersJsonSchema`, or the older `parameters`), the forced
   * function of `toolConfig.functionCallingConfig`, and the rounds: the `model` contents with a `functionCall`.
   */
  toolsOf(body: unknown): MockRequestTools | undefined {
    const request = (typeof body === 'object' && body !== null ? body : {}) as GeminiToolsBody;
    const tools = (request.tools ?? [])
      .flatMap(tool => tool.functionDeclarations ?? [])
      .map(declaration => ({
        name: declaration.name ?? '',
        inputSchema: declaration.parametersJsonSchema ?? declaration.parameters ?? {type: 'object'},
      }));
    if (tools.length === 0) return undefined;
    const rounds = (request.contents ?? []).filter(
      content => content.role === 'model' && (content.parts ?? []).some(part => part.functionCall !== undefined),
    ).length;
    return {tools, forced: forcedOf(request), rounds};
  },

  /** Nothing: Gemini sends a call whole, at its end. */
  toolCallStartEvents(): string[] {
    return [];
  },

  /** Nothing: Gemini streams no argument text. */
  toolCallDeltaEvents(): string[] {
    return [];
  },

  /** The whole call: one chunk with its `functionCall` part. */
  toolCallEndEvents(plan: MockPlan, call: MockToolCall, index: number): string[] {
    const part: Record<string, unknown> = {functionCall: {id: call.id, name: call.name, args: argsOf(call)}};
    if (index === 0) part['thoughtSignature'] = thoughtSignatureOf(plan);
    const candidates = Math.min(plan.textChunks.length + index + 1, candidateTokens(plan.usage));
    return [
      chunk(
        plan,
        {content: {parts: [part], role: 'model'}},
        usageMetadata(plan.usage, plan.usage.reasoningTokens, candidates),
      ),
    ];
  },

  /**
   * Google's error body. With a retry delay (the scenario's `retryAfter`, when the server passes it), a 429 also
   * carries the `RetryInfo` detail: Gemini's only retry hint, since its `ApiError` exposes no response headers.
   */
  errorBody(status: number, message: string, retryAfterSeconds?: number): unknown {
    const error: Record<string, unknown> = {code: status, message, status: RPC_STATUS[status] ?? 'UNKNOWN'};
    if (status === 429 && retryAfterSeconds !== undefined) {
      error['details'] = [{'@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryAfterSeconds}s`}];
    }
    return {error};
  },

  openingEvents(_plan?: MockPlan): string[] {
    return [];
  },

  reasoningEvents(plan: MockPlan, text: string, index: number): string[] {
    const thoughts = Math.min(index + 1, plan.usage.reasoningTokens);
    return [
      chunk(plan, {content: {parts: [{text, thought: true}], role: 'model'}}, usageMetadata(plan.usage, thoughts, 0)),
    ];
  },

  textEvents(plan: MockPlan, text: string, index: number): string[] {
    const candidates = Math.min(index + 1, candidateTokens(plan.usage));
    return [
      chunk(
        plan,
        {content: {parts: [{text}], role: 'model'}},
        usageMetadata(plan.usage, plan.usage.reasoningTokens, candidates),
      ),
    ];
  },

  closingEvents(plan: MockPlan): string[] {
    const finishReason = FINISH_REASON[plan.finish];
    const metadata = usageMetadata(plan.usage, plan.usage.reasoningTokens, candidateTokens(plan.usage));
    // A blocked (or refused) answer has no content, only the reason and the rating that blocked it.
    const candidate =
      plan.finish === 'content-filter' || plan.finish === 'refusal'
        ? {
            finishReason,
            safetyRatings: [{category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true}],
          }
        : {content: {parts: [{text: ''}], role: 'model'}, finishReason};
    return [chunk(plan, candidate, metadata)];
  },

  /**
   * A numeric `code` between 400 and 599 makes the SDK throw `ApiError`; an error object without one is yielded as
   * an empty chunk, with no error.
   */
  midStreamErrorEvents(_plan: MockPlan, message: string): string[] {
    return [sse({error: {code: 500, message, status: 'INTERNAL'}})];
  },

  malformedEvent(): string {
    return 'data: {"candidates":[{"content":{"parts":[{"text":\r\n\r\n';
  },
} satisfies ProviderWire;
