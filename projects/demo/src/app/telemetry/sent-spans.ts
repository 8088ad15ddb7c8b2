import type {Attributes, HrTime} from '@opentelemetry/api';
import type {ReadableSpan} from '@opentelemetry/sdk-trace-web';
import type {RecordedSpanBatch} from './recording-span-exporter';

/** How many exported spans the Telemetry page keeps, newest first. */
export const SENT_SPANS_CAP = 200;

/** One exported span as the Telemetry page shows it: plain data, no SDK object kept. */
export interface SentSpan {
  readonly traceId: string;
  readonly spanId: string;
  /** The parent's span id; `null` for a root. */
  readonly parentSpanId: string | null;
  readonly name: string;
  /** Epoch milliseconds. */
  readonly startedAt: number;
  readonly durationMs: number;
  readonly status: 'unset' | 'ok' | 'error';
  readonly statusMessage?: string;
  /** The attributes, sorted by key, values as text. */
  readonly attributes: readonly {readonly key: string; readonly value: string}[];
  /** Whether the endpoint accepted the batch the span went in. */
  readonly isExported: boolean;
  /** Why its batch was not accepted. */
  readonly exportError?: string;
}

/** A span with its children (a call's attempts, a loop's steps and tools), oldest child first. */
export interface SentSpanNode {
  readonly span: SentSpan;
  readonly children: readonly SentSpanNode[];
}

const STATUS_NAMES = ['unset', 'ok', 'error'] as const;

/**
 * The spans of an exported batch as the page shows them.
 * @param batch The batch and its export's outcome.
 * @returns One `SentSpan` per span, in the batch's order.
 */
export function sentSpansOf(batch: RecordedSpanBatch): SentSpan[] {
  return batch.spans.map(span => sentSpanOf(span, batch));
}

function sentSpanOf(span: ReadableSpan, batch: RecordedSpanBatch): SentSpan {
  const {traceId, spanId} = span.spanContext();
  const status = STATUS_NAMES[span.status.code] ?? 'unset';
  return {
    traceId,
    spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    startedAt: millisecondsOf(span.startTime),
    durationMs: millisecondsOf(span.duration),
    status,
    ...(span.status.message !== undefined && {statusMessage: span.status.message}),
    attributes: attributeRows(span.attributes),
    isExported: batch.isExported,
    ...(batch.error !== undefined && {exportError: batch.error}),
  };
}

/**
 * The kept spans after an export: the batch's spans before the ones kept so far, at most `cap`.
 * @param kept The spans kept so far, newest first.
 * @param batch The spans just exported.
 * @param cap The most spans to keep.
 * @returns The new list, newest first.
 */
export function keepNewest(kept: readonly SentSpan[], batch: readonly SentSpan[], cap = SENT_SPANS_CAP): SentSpan[] {
  // A batch lists spans in the order they ended; the last one ended last.
  return [...batch].reverse().concat(kept).slice(0, cap);
}

/**
 * The spans as trees: each span under its parent when the parent is kept, the roots newest first, children in
 * the order they started.
 * @param spans The kept spans.
 * @returns The roots.
 */
export function sentSpanTrees(spans: readonly SentSpan[]): SentSpanNode[] {
  const keyOf = (traceId: string, spanId: string) => `${traceId}/${spanId}`;
  const known = new Set(spans.map(span => keyOf(span.traceId, span.spanId)));
  const children = new Map<string, SentSpan[]>();
  const roots: SentSpan[] = [];
  for (const span of spans) {
    const parent = span.parentSpanId === null ? undefined : keyOf(span.traceId, span.parentSpanId);
    if (parent === undefined || !known.has(parent)) {
      roots.push(span);
    } else {
      children.set(parent, [...(children.get(parent) ?? []), span]);
    }
  }
  const nodeOf = (span: SentSpan): SentSpanNode => ({
    span,
    children: [...(children.get(keyOf(span.traceId, span.spanId)) ?? [])].sort(byStart).map(nodeOf),
  });
  return roots.sort((a, b) => byStart(b, a)).map(nodeOf);
}

function byStart(a: SentSpan, b: SentSpan): number {
  return a.startedAt - b.startedAt;
}

function millisecondsOf([seconds, nanoseconds]: HrTime): number {
  return seconds * 1000 + nanoseconds / 1e6;
}

function attributeRows(attributes: Attributes): {key: string; value: string}[] {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => ({key, value: Array.isArray(value) ? JSON.stringify(value) : String(value)}));
}
