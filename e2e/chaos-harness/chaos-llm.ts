import {cascade, type Llm, type LlmProviderOptions, retryBeforeFirstChunk, wrapLlm} from 'llm-rx';
import {createAnthropicLlm} from 'llm-rx/anthropic';
import {createCohereLlm} from 'llm-rx/cohere';
import {createDeepSeekLlm} from 'llm-rx/deepseek';
import {createGeminiLlm} from 'llm-rx/gemini';
import {createOpenAiLlm} from 'llm-rx/openai';
import {MOCK_SCENARIO_HEADER, mockScenario} from '@llm-rx/mock-providers';
import {tap} from 'rxjs';
import {tagOf} from './chaos-plan';
import {mulberry32} from '@llm-rx/spec-support';
import {deriveSeed} from './chaos-random';
import type {AttemptRecord, CallResult, LeafKind, LeafPlan, NodePlan, RunContext} from './chaos-types';

/** Told of every attempt as it starts and as it ends, e.g. to keep it in localStorage. */
export type AttemptListener = (attempt: AttemptRecord, index: number) => void;

/**
 * The mock server's base URL for one host name.
 * @param context The run.
 * @param host One of `context.hosts`.
 * @returns `http://host:port`.
 */
export function mockBaseUrl(context: RunContext, host: string): string {
  return `http://${host}:${context.mockPort}`;
}

/**
 * Creates a provider model pointed at the mock server, through its real adapter and SDK.
 * @param kind Which provider and API.
 * @param model The model id.
 * @param baseUrl The mock server.
 * @param options Headers and timeouts.
 * @returns The model.
 */
export function createProviderLlm(kind: LeafKind, model: string, baseUrl: string, options: LlmProviderOptions): Llm {
  switch (kind) {
    case 'openai-responses':
      return createOpenAiLlm(model, {...options, baseURL: `${baseUrl}/v1`, api: 'responses'});
    case 'openai-chat':
      return createOpenAiLlm(model, {...options, baseURL: `${baseUrl}/v1`, api: 'chat'});
    case 'anthropic':
      return createAnthropicLlm(model, {...options, baseURL: baseUrl});
    case 'gemini':
      return createGeminiLlm(model, {...options, baseURL: baseUrl});
    case 'deepseek':
      return createDeepSeekLlm(model, {...options, baseURL: `${baseUrl}/deepseek`});
    case 'cohere':
      return createCohereLlm(model, {...options, baseURL: baseUrl});
  }
}

/**
 * Builds the `Llm` of a call's tree: each leaf a real provider with its scenario, watched per subscription (one
 * attempt, one request), optionally retried; each inner node a `cascade()`.
 * @param context The run.
 * @param call Where the leaves' attempts are recorded.
 * @param onAttempt Told of each attempt's start and end.
 * @returns The call's `Llm`.
 */
export function buildCallLlm(context: RunContext, call: CallResult, onAttempt?: AttemptListener): Llm {
  const build = (node: NodePlan): Llm =>
    node.type === 'leaf' ? leafLlm(context, call, node, onAttempt) : cascade(node.children.map(build));
  return build(call.plan.tree);
}

function leafLlm(context: RunContext, call: CallResult, leaf: LeafPlan, onAttempt?: AttemptListener): Llm {
  const tag = tagOf(context.runId, call.plan.callId, leaf.path);
  const provider = createProviderLlm(leaf.kind, leaf.model, mockBaseUrl(context, leaf.host), {
    headers: {[MOCK_SCENARIO_HEADER]: mockScenario({tag, ...leaf.scenario})},
    firstChunkTimeoutMs: leaf.firstChunkTimeoutMs,
    idleTimeoutMs: leaf.idleTimeoutMs,
  });
  // Each subscription is one attempt: recorded before the adapter sees it, ended by what its subscriber sees.
  const watched = wrapLlm(provider, (request, stream) => {
    const attempt: AttemptRecord = {
      path: leaf.path,
      tag,
      provider: provider.provider,
      model: provider.model,
      outcome: null,
      startedAt: Date.now(),
    };
    const index = call.attempts.push(attempt) - 1;
    onAttempt?.(attempt, index);
    const end = (outcome: AttemptRecord['outcome'], error?: unknown) => {
      attempt.outcome = outcome;
      attempt.endedAt = Date.now();
      if (error !== undefined) attempt.errorName = error instanceof Error ? error.name : typeof error;
      onAttempt?.(attempt, index);
    };
    return stream(request).pipe(
      tap({
        complete: () => end('ok'),
        error: (error: unknown) => end('error', error),
        // Only when unsubscribed before the end: a cancel, not a completion.
        unsubscribe: () => end('cancelled'),
      }),
    );
  });
  if (leaf.retryCount === 0) return watched;
  const random = mulberry32(deriveSeed(context.seed, 'retry', tag));
  return wrapLlm(watched, (request, stream) =>
    stream(request).pipe(retryBeforeFirstChunk({count: leaf.retryCount, initialDelayMs: 5, maxDelayMs: 20, random})),
  );
}
