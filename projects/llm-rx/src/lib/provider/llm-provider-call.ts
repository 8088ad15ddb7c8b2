import {resolveLlmOutput, type ResolvedLlmOutput} from '../object/resolve-llm-output';
import type {LlmRequest} from '../request/llm-request';
import {resolveLlmTools, type ResolvedLlmTool} from '../tools/resolve-llm-tools';
import type {LlmProviderOptions} from './llm-provider-options';

/**
 * Everything an adapter's `open` needs for one request, resolved by the core (see `defineLlmProvider()`): read
 * from it rather than from the request and options, so that every adapter resolves names, headers and provider
 * options the same way. New request features become new fields here, not new parameters.
 * @typeParam TClient What the adapter's `createClient` built.
 * @typeParam TOptions The adapter's options.
 */
export interface LlmProviderCall<TClient = unknown, TOptions extends LlmProviderOptions = LlmProviderOptions> {
  /** The model's client, built once per model. */
  readonly client: TClient;
  /** The model's provider name: the adapter's, or the one its options chose (an OpenAI-compatible service). */
  readonly provider: string;
  /** The model id. */
  readonly model: string;
  /** The request, already checked by `validateLlmRequest()`. */
  readonly request: LlmRequest;
  /** The model's options, as the adapter's `checkOptions` returned them (the key included: never log them). */
  readonly options: TOptions;
  /** This provider's slice of `request.providerOptions` (`providerOptions[provider]`), to merge into its body. */
  readonly providerOptions: Readonly<Record<string, unknown>> | undefined;
  /** The options' headers with the request's over them (`mergeHeaders()`): send these with the request. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /**
   * The object `request.output` asks for: its name, description and JSON Schema, to send in the provider's own
   * way (a response format, a forced tool, the prompt); `undefined` for prose. The core parses and validates the
   * answer's JSON text: an adapter streams it as `text-delta` events.
   */
  readonly output: ResolvedLlmOutput | undefined;
  /**
   * The request's `tools`: each one's name, description and input JSON Schema, to send in the provider's format,
   * with `request.toolChoice` and `request.parallelToolCalls`; `undefined` without tools. Stream each call as
   * `tool-call-start`, `tool-call-delta` (the raw argument text) and, where the provider says so, `tool-call-end`.
   */
  readonly tools: readonly ResolvedLlmTool[] | undefined;
  /** Aborts the request when the subscriber unsubscribes or `request.signal` aborts: give it to the SDK. */
  readonly signal: AbortSignal;
  /**
   * Tells the developer something once per model (e.g. that a field is not sent), through `console.warn`.
   * @param key What the warning is about: a second warning with the same key is not shown.
   * @param message The warning.
   */
  warnOnce(key: string, message: string): void;
}

/**
 * Builds the call context `defineLlmProvider()` gives an adapter's `open`; exported for adapters' specs, to call
 * a request builder as the core would.
 * @param parts The client, names, request, options and signal; `warnOnce` defaults to warning once per context.
 * @param schemas The request's output and tools, when already resolved (by `fromProviderStream()`'s check); they
 *   are resolved here otherwise.
 * @returns The call, with `providerOptions`, `headers`, `output` and `tools` resolved.
 * @typeParam TClient What the adapter's `createClient` built.
 * @typeParam TOptions The adapter's options.
 */
export function resolveProviderCall<TClient, TOptions extends LlmProviderOptions>(
  parts: Omit<LlmProviderCall<TClient, TOptions>, 'providerOptions' | 'headers' | 'output' | 'tools' | 'warnOnce'> & {
    readonly warnOnce?: LlmProviderCall['warnOnce'];
  },
  schemas?: Pick<LlmProviderCall, 'output' | 'tools'>,
): LlmProviderCall<TClient, TOptions> {
  const {request, options, provider} = parts;
  return {
    ...parts,
    providerOptions: providerOptionsOf(request, provider),
    headers: mergeHeaders(options.headers, request.headers),
    output:
      schemas !== undefined
        ? schemas.output
        : request.output === undefined
          ? undefined
          : resolveLlmOutput(request.output),
    tools: schemas === undefined ? resolveLlmTools(request) : schemas.tools,
    warnOnce: parts.warnOnce ?? createWarnOnce(),
  };
}

/**
 * One provider's slice of a request's `providerOptions`.
 * @param request The request.
 * @param provider The provider's name, e.g. `anthropic` or an OpenAI-compatible service's.
 * @returns `request.providerOptions[provider]`, or `undefined`.
 */
export function providerOptionsOf(
  request: Pick<LlmRequest, 'providerOptions'>,
  provider: string,
): Readonly<Record<string, unknown>> | undefined {
  return request.providerOptions?.[provider];
}

/**
 * Merges header sets, later ones winning; names compare case-insensitively (as HTTP's do), so that `X-Tag` and
 * `x-tag` are never both sent. The later set's spelling of a name is kept.
 * @param sets The header sets, e.g. the options' then the request's; `undefined` ones are skipped.
 * @returns The merged headers, or `undefined` when no set had any.
 */
export function mergeHeaders(
  ...sets: readonly (Readonly<Record<string, string>> | undefined)[]
): Readonly<Record<string, string>> | undefined {
  const given = sets.filter(set => set !== undefined);
  if (given.length === 0) return undefined;
  if (given.length === 1) return given[0];
  const byName = new Map<string, [string, string]>();
  for (const set of given) {
    for (const [name, value] of Object.entries(set)) byName.set(name.toLowerCase(), [name, value]);
  }
  return Object.fromEntries(byName.values());
}

/**
 * The fields of an object whose value is not `undefined`: how adapters leave unset request fields out of an SDK's
 * body (some SDKs send `null` for an `undefined`, which some APIs reject).
 *
 * ```ts
 * const body = {model, ...definedFields({temperature: request.temperature, p: request.topP})};
 * ```
 * @param fields The fields, some maybe `undefined`.
 * @returns A new object with the others.
 */
export function definedFields<T extends object>(fields: T): {[K in keyof T]?: Exclude<T[K], undefined>} {
  const defined: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) defined[name] = value;
  return defined as {[K in keyof T]?: Exclude<T[K], undefined>};
}

/**
 * A `warnOnce` that remembers, in its own closure, which keys it warned about.
 * @param warn Where to warn; `console.warn` by default.
 * @returns The function.
 */
export function createWarnOnce(
  warn: (message: string) => void = message => console.warn(message),
): LlmProviderCall['warnOnce'] {
  const warned = new Set<string>();
  return (key, message) => {
    if (warned.has(key)) return;
    warned.add(key);
    warn(message);
  };
}
