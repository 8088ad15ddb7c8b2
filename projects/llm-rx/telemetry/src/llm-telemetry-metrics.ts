import type {Attributes, Histogram, Meter} from '@opentelemetry/api';
import {GEN_AI, GEN_AI_BUCKETS, GEN_AI_METRIC, GEN_AI_TOKEN_TYPE, LLM_RX} from './gen-ai-conventions';

/** One finished call, as the metrics record it. */
export interface LlmCallMeasurement {
  /** The conventions' attributes: operation, provider, request and response model, `error.type` on failure. */
  readonly attributes: Attributes;
  readonly durationMs: number;
  /** `null` when no chunk came. */
  readonly timeToFirstChunkMs: number | null;
  /** Absent when the provider reported none (a failed or cancelled call). */
  readonly inputTokens?: number;
  readonly outputTokens?: number;
  /** USD; `null` for an unpriced model or no usage. */
  readonly totalCost: number | null;
}

/**
 * The GenAI client metrics of the conventions (operation duration, token usage, time to first chunk) and llm-rx's
 * cost histogram, made once per meter, recorded once per call (never per attempt: a cascade's call is one
 * operation for the user, and its attempts are on its span).
 */
export class LlmTelemetryMetrics {
  private readonly _duration: Histogram;
  private readonly _tokens: Histogram;
  private readonly _timeToFirstChunk: Histogram;
  private readonly _cost: Histogram;

  /** @param meter The meter to make the instruments with. */
  constructor(meter: Meter) {
    this._duration = meter.createHistogram(GEN_AI_METRIC.operationDuration, {
      description: 'GenAI operation duration.',
      unit: 's',
      advice: {explicitBucketBoundaries: [...GEN_AI_BUCKETS.seconds]},
    });
    this._tokens = meter.createHistogram(GEN_AI_METRIC.tokenUsage, {
      description: 'Number of input and output tokens used.',
      unit: '{token}',
      advice: {explicitBucketBoundaries: [...GEN_AI_BUCKETS.tokens]},
    });
    this._timeToFirstChunk = meter.createHistogram(GEN_AI_METRIC.timeToFirstChunk, {
      description: 'Time to receive the first chunk of a streamed answer.',
      unit: 's',
      advice: {explicitBucketBoundaries: [...GEN_AI_BUCKETS.seconds]},
    });
    this._cost = meter.createHistogram(LLM_RX.costMetric, {
      description: 'Cost of a call in USD, computed by llm-rx from its tokens and price table.',
      unit: '{USD}',
      advice: {explicitBucketBoundaries: [...GEN_AI_BUCKETS.usd]},
    });
  }

  /**
   * Records one finished call.
   * @param call Its attributes, duration, time to first chunk, tokens and cost.
   */
  record(call: LlmCallMeasurement): void {
    const {attributes} = call;
    this._duration.record(call.durationMs / 1000, attributes);
    if (call.timeToFirstChunkMs !== null) this._timeToFirstChunk.record(call.timeToFirstChunkMs / 1000, attributes);
    if (call.inputTokens !== undefined) {
      this._tokens.record(call.inputTokens, {...attributes, [GEN_AI.tokenType]: GEN_AI_TOKEN_TYPE.input});
    }
    if (call.outputTokens !== undefined) {
      this._tokens.record(call.outputTokens, {...attributes, [GEN_AI.tokenType]: GEN_AI_TOKEN_TYPE.output});
    }
    if (call.totalCost !== null) this._cost.record(call.totalCost, attributes);
  }
}

/** The span attributes the metrics keep (the conventions' list for client metrics): nothing of high cardinality. */
const METRIC_ATTRIBUTES = [
  GEN_AI.operationName,
  GEN_AI.providerName,
  GEN_AI.requestModel,
  GEN_AI.responseModel,
  GEN_AI.errorType,
] as const;

/**
 * The metric attributes of a call, picked from its span's.
 * @param spanAttributes Everything the call's span says.
 * @returns Only the attributes metrics carry.
 */
export function metricAttributesOf(spanAttributes: Attributes): Attributes {
  const picked: Attributes = {};
  for (const name of METRIC_ATTRIBUTES) {
    if (spanAttributes[name] !== undefined) picked[name] = spanAttributes[name];
  }
  return picked;
}
