import {context as otelContext, SpanKind, SpanStatusCode, trace} from '@opentelemetry/api';
import {Observable, tap} from 'rxjs';
import {runTools, wrapLlm} from 'llm-rx';
import type {Llm, LlmChunk, LlmRequest, LlmToolLoopOptions, LlmToolResultPart} from 'llm-rx';
import {errorAttributes, telemetryErrorOf, telemetryUsageOf, usageAttributes} from './call-attributes';
import {GEN_AI, GEN_AI_OPERATION, LLM_RX} from './gen-ai-conventions';
import {type LlmCallTracing, traceLlm} from './trace-llm-call';

/** The agent name of a tool loop's span. */
const TOOL_LOOP_AGENT = 'llm-rx.runTools';

/**
 * Runs a tool loop (`runTools()` of `llm-rx`) inside one `invoke_agent` span: each step is a call span (`chat
 * {model}` with its attempts) under it, and each tool that ran an `execute_tool {name}` span under it, from the end
 * of the step that asked for it to its result. The loop's span carries the summed usage.
 * @param llm The model of the steps.
 * @param request The first step's request.
 * @param options The loop's options.
 * @param tracing Where spans go, and content capture.
 * @returns The loop's chunks, unchanged.
 */
export function traceToolLoop(
  llm: Llm,
  request: LlmRequest,
  options: LlmToolLoopOptions,
  tracing: LlmCallTracing,
): Observable<LlmChunk> {
  return new Observable<LlmChunk>(subscriber => {
    const {tracer} = tracing;
    const parentContext = otelContext.active();
    const span = tracer?.startSpan(
      `${GEN_AI_OPERATION.invokeAgent} ${TOOL_LOOP_AGENT}`,
      {
        kind: SpanKind.INTERNAL,
        attributes: {
          [GEN_AI.operationName]: GEN_AI_OPERATION.invokeAgent,
          [GEN_AI.agentName]: TOOL_LOOP_AGENT,
          [GEN_AI.requestModel]: llm.model,
          ...(tracing.label !== undefined && {[LLM_RX.label]: tracing.label}),
        },
      },
      parentContext,
    );
    // When each step's model call ended: its tools start then (as `performance.now()`, a time input spans accept;
    // the SDK anchors span times on `Date.now()`, so the order of spans within one millisecond is not kept).
    const stepEndedAt = new Map<number, number>();
    let hasEnded = false;
    const end = () => {
      hasEnded = true;
      span?.end();
    };
    const loopContext = span === undefined ? parentContext : trace.setSpan(parentContext, span);
    // Each step a traced call under the loop's span, remembering when it ended.
    const stepsLlm = wrapLlm(traceLlm(llm, tracing, loopContext), (stepRequest, stream) =>
      stream(stepRequest).pipe(
        tap({complete: () => stepEndedAt.set(stepRequest.toolLoop?.step ?? -1, performance.now())}),
      ),
    );
    const subscription = otelContext.with(loopContext, () =>
      runTools(stepsLlm, request, options).subscribe({
        next: chunk => {
          if (chunk.type === 'tool-result' && span !== undefined && tracer !== undefined) {
            toolSpan(tracer, loopContext, chunk, stepEndedAt.get(chunk.step), tracing);
          } else if (chunk.type === 'usage') {
            span?.setAttributes(usageAttributes(telemetryUsageOf(chunk.usage)));
            span?.setAttribute(LLM_RX.attemptCount, chunk.usage.attempts.length);
            end();
          }
          subscriber.next(chunk);
        },
        error: (error: unknown) => {
          const recorded = telemetryErrorOf(error);
          span?.setAttributes(errorAttributes(recorded));
          span?.setStatus({code: SpanStatusCode.ERROR, message: recorded.message});
          end();
          subscriber.error(error);
        },
        complete: () => subscriber.complete(),
      }),
    );
    return () => {
      subscription.unsubscribe();
      if (!hasEnded) {
        span?.setAttributes({[GEN_AI.errorType]: 'cancelled', [GEN_AI.responseFinishReasons]: ['error']});
        span?.setStatus({code: SpanStatusCode.ERROR, message: 'cancelled by the subscriber'});
        end();
      }
    };
  });
}

/** One tool's execution, as a finished span from its step's end to its result. */
function toolSpan(
  tracer: NonNullable<LlmCallTracing['tracer']>,
  parent: ReturnType<typeof otelContext.active>,
  result: LlmToolResultPart,
  startedAt: number | undefined,
  {captureContent, redact}: LlmCallTracing,
): void {
  const output = JSON.stringify(result.output ?? null);
  const span = tracer.startSpan(
    `${GEN_AI_OPERATION.executeTool} ${result.toolName}`,
    {
      kind: SpanKind.INTERNAL,
      ...(startedAt !== undefined && {startTime: startedAt}),
      attributes: {
        [GEN_AI.operationName]: GEN_AI_OPERATION.executeTool,
        [GEN_AI.toolName]: result.toolName,
        [GEN_AI.toolCallId]: result.toolCallId,
        [GEN_AI.toolType]: 'function',
        [LLM_RX.toolLoopStep]: result.step,
        ...(captureContent && {[GEN_AI.toolCallResult]: redact === undefined ? output : redact(output, 'prompt')}),
      },
    },
    parent,
  );
  if (result.isError === true) {
    span.setAttribute(GEN_AI.errorType, 'tool_error');
    span.setStatus({code: SpanStatusCode.ERROR, message: `the tool ${result.toolName} failed`});
  }
  span.end();
}
