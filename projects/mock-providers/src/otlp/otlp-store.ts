import type {ReceivedAttributes, ReceivedMetric, ReceivedSpan} from '../client/otlp-client';

/** Options of {@link OtlpStore}. */
export interface OtlpStoreOptions {
  /** Spans kept, all services together; the oldest go first. Default 50,000. */
  maxSpans?: number;
  /** Metrics kept, all services together; the oldest go first. Default 50,000. */
  maxMetrics?: number;
}

/**
 * The spans and metrics a server's OTLP receiver took, in arrival order, bounded so that a long-running server
 * does not grow: read and cleared by `service.name`, because parallel test runs share one server.
 */
export class OtlpStore {
  readonly #spans: ReceivedSpan[] = [];
  readonly #metrics: ReceivedMetric[] = [];
  readonly #maxSpans: number;
  readonly #maxMetrics: number;

  constructor(options: OtlpStoreOptions = {}) {
    this.#maxSpans = options.maxSpans ?? 50_000;
    this.#maxMetrics = options.maxMetrics ?? 50_000;
  }

  /** Adds spans, dropping the oldest beyond the bound. */
  addSpans(spans: readonly ReceivedSpan[]): void {
    append(this.#spans, spans, this.#maxSpans);
  }

  /** Adds metrics, dropping the oldest beyond the bound. */
  addMetrics(metrics: readonly ReceivedMetric[]): void {
    append(this.#metrics, metrics, this.#maxMetrics);
  }

  /** The spans whose resource has this `service.name`, oldest first. */
  spans(service: string): ReceivedSpan[] {
    return this.#spans.filter(span => isOf(span.resource, service));
  }

  /** The metrics whose resource has this `service.name`, oldest first. */
  metrics(service: string): ReceivedMetric[] {
    return this.#metrics.filter(metric => isOf(metric.resource, service));
  }

  /**
   * Forgets one service's spans and metrics.
   *
   * @returns How many of each were removed.
   */
  clear(service: string): {spans: number; metrics: number} {
    return {spans: remove(this.#spans, service), metrics: remove(this.#metrics, service)};
  }
}

function isOf(resource: ReceivedAttributes, service: string): boolean {
  return resource['service.name'] === service;
}

function append<T>(list: T[], items: readonly T[], max: number): void {
  for (const item of items) list.push(item);
  if (list.length > max) list.splice(0, list.length - max);
}

function remove(list: {resource: ReceivedAttributes}[], service: string): number {
  const kept = list.filter(item => !isOf(item.resource, service));
  const removed = list.length - kept.length;
  // Not splice(0, n, ...kept): a spread of 50,000 arguments can overflow the stack.
  list.length = 0;
  for (const item of kept) list.push(item);
  return removed;
}
