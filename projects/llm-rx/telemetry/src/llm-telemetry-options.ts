import type {Meter, Tracer} from '@opentelemetry/api';
import type {LlmRedactor} from 'llm-rx';

/** How `createLlmTelemetry()` reports calls. */
export interface LlmTelemetryOptions {
  /**
   * The tracer for spans; default: `trace.getTracer('llm-rx')` from `@opentelemetry/api`, i.e. the tracer provider
   * the app registered (none registered: spans cost nothing and go nowhere). `false` sends no spans.
   */
  readonly tracer?: Tracer | false;
  /** The meter for metrics; default `metrics.getMeter('llm-rx')`. `false` records no metrics. */
  readonly meter?: Meter | false;
  /**
   * Sends prompts and answers (`gen_ai.system_instructions`, `gen_ai.input.messages`, `gen_ai.output.messages`)
   * on call spans, and tool arguments and results on tool spans. Off by default: telemetry backends are shared and
   * long-lived, and prompts hold what users typed.
   */
  readonly captureContent?: boolean;
  /**
   * The redaction hook every captured text goes through (the same one `llm-rx/logging` takes), e.g. to mask
   * e-mail addresses. Only used with `captureContent`.
   */
  readonly redact?: LlmRedactor;
  /** A label of the call site, sent as `llm_rx.label` on every call span. */
  readonly label?: string;
}
