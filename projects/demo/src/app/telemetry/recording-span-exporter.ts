import {type ExportResult, ExportResultCode} from '@opentelemetry/core';
import type {ReadableSpan, SpanExporter} from '@opentelemetry/sdk-trace-web';

/** One batch a `RecordingSpanExporter` handed to its exporter, and how the export ended. */
export interface RecordedSpanBatch {
  readonly spans: readonly ReadableSpan[];
  /** Whether the exporter reported success (the endpoint accepted the batch). */
  readonly isExported: boolean;
  /** Why the export failed, when it did. */
  readonly error?: string;
}

/**
 * A tee: exports each batch through the wrapped exporter (e.g. `OTLPTraceExporter`) and, once that export ended,
 * gives the batch and its outcome to `onBatch`, so that the page can show what was sent. The span processor sees
 * the wrapped exporter's result unchanged.
 */
export class RecordingSpanExporter implements SpanExporter {
  readonly #exporter: SpanExporter;
  readonly #onBatch: (batch: RecordedSpanBatch) => void;

  /**
   * @param exporter The exporter that sends.
   * @param onBatch Called once per export, after it ended.
   */
  constructor(exporter: SpanExporter, onBatch: (batch: RecordedSpanBatch) => void) {
    this.#exporter = exporter;
    this.#onBatch = onBatch;
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    // The copy: the processor may reuse its array once the export returned.
    const batch = [...spans];
    this.#exporter.export(spans, result => {
      const isExported = result.code === ExportResultCode.SUCCESS;
      try {
        this.#onBatch({
          spans: batch,
          isExported,
          ...(!isExported && {error: result.error?.message ?? 'the export failed'}),
        });
      } finally {
        // A failing view must never stall the processor, which waits for this callback.
        resultCallback(result);
      }
    });
  }

  shutdown(): Promise<void> {
    return this.#exporter.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.#exporter.forceFlush?.() ?? Promise.resolve();
  }
}
