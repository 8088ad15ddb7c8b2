// Fixtures of the runTools specs: text parts, step usages, and a scripted model that records each step's request
// (tool-call parts and tools come from @llm-rx/spec-support).
import type {Llm, LlmChunk, LlmRequest} from 'llm-rx';
import {llmFromObservable, usagePart} from 'llm-rx/testing';
import type {Observable} from 'rxjs';

/** A text part. */
export const text = (value: string): LlmChunk => ({type: 'text-delta', text: value});

/** A step's usage that asked for tools, with a cost. */
export const toolStepUsage = usagePart({
  inputTokens: 10,
  outputTokens: 4,
  inputCost: 0.001,
  outputCost: 0.002,
  totalCost: 0.003,
  finishReason: {unified: 'tool-calls', raw: 'tool_calls'},
});

/** A step's usage that answered in text, with a cost. */
export const answerStepUsage = usagePart({
  inputTokens: 20,
  outputTokens: 6,
  inputCost: 0.002,
  outputCost: 0.003,
  totalCost: 0.005,
});

/**
 * A model whose answer depends on the step: `steps[n]` serves step n (the last one serves every later step).
 * @param steps The streams, one per step.
 * @returns The model and the requests it was sent.
 */
export function scriptedModel(steps: readonly Observable<LlmChunk>[]): {llm: Llm; requests: LlmRequest[]} {
  const requests: LlmRequest[] = [];
  const llm = llmFromObservable('mock-provider', 'mock-model', request => {
    requests.push(request);
    const step = request.toolLoop?.step ?? 0;
    return steps[Math.min(step, steps.length - 1)];
  });
  return {llm, requests};
}
