import type {ReceivedSpan} from './otlp-client';

/** A span with the spans whose `parentSpanId` is its `spanId`. */
export interface SpanTreeNode {
  span: ReceivedSpan;
  children: SpanTreeNode[];
}

/**
 * Builds the span trees of a set of spans: children by `parentSpanId` within the same trace.
 *
 * @param spans Spans in any order, e.g. from `receivedSpans()`.
 * @returns The roots (spans without a parent, or whose parent is not among `spans`), each list ordered by start
 *   time, then by name.
 */
export function buildSpanTree(spans: readonly ReceivedSpan[]): SpanTreeNode[] {
  const nodes = new Map(spans.map(span => [`${span.traceId}/${span.spanId}`, {span, children: [] as SpanTreeNode[]}]));
  const roots: SpanTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.span.parentSpanId ? nodes.get(`${node.span.traceId}/${node.span.parentSpanId}`) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: SpanTreeNode[]) => {
    list.sort((a, b) => compareStart(a.span, b.span));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/**
 * Writes span trees as indented names, for a readable `toEqual` on the shape of a trace.
 *
 * @param roots Trees from {@link buildSpanTree}.
 * @param label What to print of each span; default its name.
 * @returns One line per span, depth-first, indented two spaces per level.
 */
export function formatSpanTree(
  roots: readonly SpanTreeNode[],
  label: (span: ReceivedSpan) => string = span => span.name,
): string[] {
  const lines: string[] = [];
  const walk = (nodes: readonly SpanTreeNode[], depth: number) => {
    for (const node of nodes) {
      lines.push(`${'  '.repeat(depth)}${label(node.span)}`);
      walk(node.children, depth + 1);
    }
  };
  walk(roots, 0);
  return lines;
}

function compareStart(a: ReceivedSpan, b: ReceivedSpan): number {
  // Decimal nanosecond strings: a shorter one is a smaller number (no leading zeros), else compare as text.
  const byTime =
    a.startTimeUnixNano.length - b.startTimeUnixNano.length ||
    (a.startTimeUnixNano < b.startTimeUnixNano ? -1 : a.startTimeUnixNano > b.startTimeUnixNano ? 1 : 0);
  return byTime || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
