// The chaos suite's mismatch details: calls, trees, leaves, attempts, requests and rows in a few words.
import type {AttemptRecord, CallResult, LeafPlan, NodePlan, RowSummary} from './chaos-harness/chaos-types';
import type {MockRequest} from './chaos-check-types';

/**
 * The statuses of rows, in order.
 * @param rows The rows.
 * @returns E.g. `ok, error`.
 */
export function statuses(rows: readonly RowSummary[]): string {
  return rows.map(row => row.status).join(', ');
}

/**
 * How an attempt ended, as the page saw it.
 * @param attempt The attempt.
 * @returns E.g. `running`, `ok` or `error(LlmProviderError)`.
 */
export function describeAttempt(attempt: AttemptRecord): string {
  return attempt.outcome === null
    ? 'running'
    : `${attempt.outcome}${attempt.errorName ? `(${attempt.errorName})` : ''}`;
}

/**
 * A mock request in a few words: id, status, fault and how its connection ended.
 * @param request The request.
 * @returns E.g. `req_3 500 status completed`.
 */
export function describeRequest(request: MockRequest): string {
  const ending = request.completed ? 'completed' : request.closedEarly ? 'closed early' : 'open';
  return `${request.id} ${request.status ?? '-'} ${request.fault ?? 'no fault'} ${ending}`;
}

/**
 * A leaf in a few words: kind, fault and its values, retries.
 * @param leaf The leaf.
 * @returns E.g. `anthropic status=503 failTimes=1 retry×2`.
 */
export function describeLeaf(leaf: LeafPlan): string {
  const scenario = leaf.scenario as Record<string, unknown>;
  const faultKeys = [
    'status',
    'dropAfter',
    'stallAfter',
    'errorAfter',
    'malformedAfter',
    'noFinal',
    'finish',
    'headerDelay',
    'failTimes',
  ];
  const fault = faultKeys
    .filter(key => scenario[key] !== undefined)
    .map(key => `${key}=${String(scenario[key])}`)
    .join(' ');
  return [leaf.kind, fault || 'no fault', leaf.retryCount ? `retry×${leaf.retryCount}` : ''].filter(Boolean).join(' ');
}

/**
 * A tree in one line, e.g. `cascade[openai-chat status=500, cascade[gemini no fault]]`.
 * @param node The tree.
 * @returns The line.
 */
export function describeTree(node: NodePlan): string {
  return node.type === 'leaf' ? describeLeaf(node) : `cascade[${node.children.map(describeTree).join(', ')}]`;
}

/**
 * A call in one line: its tree, how it ended and its cancel time.
 * @param call The call.
 * @returns E.g. `call cascade[openai-chat no fault] ended ok`.
 */
export function describeCall(call: CallResult): string {
  const ending =
    call.ending === undefined ? 'no ending' : `${call.ending}${call.errorName ? ` ${call.errorName}` : ''}`;
  const cancel = call.plan.cancelAfterMs === null ? '' : `, cancel at ${call.plan.cancelAfterMs} ms`;
  return `call ${describeTree(call.plan.tree)} ended ${ending}${cancel}`;
}
