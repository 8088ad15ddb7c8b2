import {expect, test} from '@playwright/test';
import type {MockRequest} from './chaos-check-types';
import {checkRun} from './chaos-checks';
import {leavesOf, MAIN_PROFILE, planCall} from './chaos-harness/chaos-plan';
import {mulberry32} from '@llm-rx/spec-support';
import {deriveSeed} from './chaos-harness/chaos-random';
import type {AttemptRecord, CallPlan, CallResult, LeafPlan, RowSummary} from './chaos-harness/chaos-types';

/*
 * The chaos suite's own checks, on made-up runs: a correct log passes, and each kind of loss the suite exists to
 * catch is reported as such. No browser.
 */

const RUN = 'run1';

function leaf(path: string, provider: string, model: string, overrides: Partial<LeafPlan> = {}): LeafPlan {
  return {
    type: 'leaf',
    path,
    kind: provider === 'openai' ? 'openai-chat' : (provider as LeafPlan['kind']),
    provider,
    wire: provider === 'openai' ? 'openai-chat' : provider,
    model,
    host: 'h0.chaos.test',
    scenario: {},
    fault: 'none',
    retryCount: 0,
    firstChunkTimeoutMs: 15_000,
    idleTimeoutMs: 15_000,
    ...overrides,
  };
}

/** `cascade[anthropic 500 retry×1, cascade[gemini 529]], openai ok`: 2 + 1 + 1 requests. */
const PLAN: CallPlan = {
  callId: 'c0',
  cancelAfterMs: null,
  tree: {
    type: 'cascade',
    path: 'r',
    children: [
      leaf('r.0', 'anthropic', 'claude-haiku-4-5', {retryCount: 1, fault: 'status', scenario: {status: 500}}),
      {type: 'cascade', path: 'r.1', children: [leaf('r.1.0', 'gemini', 'gemini-2.5-flash', {fault: 'status'})]},
      leaf('r.2', 'openai', 'gpt-5-mini'),
    ],
  },
};

function attempt(path: string, provider: string, model: string, outcome: AttemptRecord['outcome']): AttemptRecord {
  return {path, tag: `${RUN}.c0.${path}`, provider, model, outcome, startedAt: 0};
}

const ATTEMPTS: AttemptRecord[] = [
  attempt('r.0', 'anthropic', 'claude-haiku-4-5', 'error'),
  attempt('r.0', 'anthropic', 'claude-haiku-4-5', 'error'),
  attempt('r.1.0', 'gemini', 'gemini-2.5-flash', 'error'),
  attempt('r.2', 'openai', 'gpt-5-mini', 'ok'),
];

function request(id: number, path: string, wire: string, fault: MockRequest['fault']): MockRequest {
  return {
    id: `req_${id}`,
    tag: `${RUN}.c0.${path}`,
    wire,
    status: fault === 'status' ? 500 : 200,
    fault,
    closedEarly: false,
    completed: true,
  };
}

const REQUESTS: MockRequest[] = [
  request(1, 'r.0', 'anthropic', 'status'),
  request(2, 'r.0', 'anthropic', 'status'),
  request(3, 'r.1.0', 'gemini', 'status'),
  request(4, 'r.2', 'openai-chat', null),
];

function row(index: number, provider: string, model: string, status: string, traceId = 't0'): RowSummary {
  return {
    id: `row${index}`,
    traceId,
    sessionId: 's0',
    label: 'c0',
    provider,
    model,
    status,
    attemptIndex: index,
    attemptCount: 4,
    errorType: null,
    startedAt: 0,
  };
}

const ROWS: RowSummary[] = [
  row(0, 'anthropic', 'claude-haiku-4-5', 'error'),
  row(1, 'anthropic', 'claude-haiku-4-5', 'error'),
  row(2, 'gemini', 'gemini-2.5-flash', 'error'),
  row(3, 'openai', 'gpt-5-mini', 'ok'),
];

const SUMMARY = ATTEMPTS.map(({provider, model, outcome}) => ({provider, model, outcome: outcome ?? 'none'}));

function call(overrides: Partial<CallResult> = {}): CallResult {
  return {plan: PLAN, startedAt: 0, ending: 'ok', attempts: ATTEMPTS, usageAttempts: SUMMARY, ...overrides};
}

function kinds(result: ReturnType<typeof checkRun>): string[] {
  return result.mismatches.map(mismatch => mismatch.kind);
}

test.describe('chaos checks', () => {
  test('a complete log of a nested, retried cascade passes', () => {
    const result = checkRun(RUN, [call()], ROWS, REQUESTS, 'live');
    expect(result.mismatches).toEqual([]);
    expect(result.totals).toMatchObject({calls: 1, requests: 4, rows: 4, attempts: 4, unsentAttempts: 0});
  });

  test('a retried attempt without its row is a missing row', () => {
    const result = checkRun(RUN, [call()], ROWS.slice(1), REQUESTS, 'live');
    expect(kinds(result)).toEqual(['row missing']);
    expect(result.mismatches[0].detail).toContain(`${RUN}.c0.r.0`);
  });

  test('a row named after the cascade instead of its child names no leaf', () => {
    const rows = [...ROWS.slice(0, 2), row(2, 'cascade', 'claude-haiku-4-5', 'error'), ROWS[3]];
    expect(kinds(checkRun(RUN, [call()], rows, REQUESTS, 'live'))).toEqual([
      'row names no leaf of its call',
      'row missing',
    ]);
  });

  test('a wrong status, a row left in progress and a second trace are reported', () => {
    const rows = [
      ROWS[0],
      row(1, 'anthropic', 'claude-haiku-4-5', 'cancelled'),
      ROWS[2],
      row(3, 'openai', 'gpt-5-mini', 'in-progress', 't1'),
    ];
    expect(kinds(checkRun(RUN, [call()], rows, REQUESTS, 'live')).sort()).toEqual([
      'row in-progress',
      'row status',
      'rows of a call in several traces',
    ]);
  });

  test('usage.attempts and LlmCascadeError.attempts must list every request', () => {
    const short = SUMMARY.slice(1);
    expect(kinds(checkRun(RUN, [call({usageAttempts: short})], ROWS, REQUESTS, 'live'))).toEqual(['usage.attempts']);
    const failed = call({
      ending: 'error',
      errorName: 'LlmCascadeError',
      usageAttempts: undefined,
      cascadeErrorAttempts: [SUMMARY[2]],
    });
    const failedRows = [...ROWS.slice(0, 3), row(3, 'openai', 'gpt-5-mini', 'error')];
    const failedAttempts = [...ATTEMPTS.slice(0, 3), attempt('r.2', 'openai', 'gpt-5-mini', 'error')];
    expect(kinds(checkRun(RUN, [{...failed, attempts: failedAttempts}], failedRows, REQUESTS, 'live'))).toEqual([
      'LlmCascadeError.attempts',
    ]);
  });

  test('an attempt cancelled before its request was sent may have a row, or none', () => {
    const cancelled = call({
      ending: 'cancelled',
      usageAttempts: undefined,
      attempts: [...ATTEMPTS.slice(0, 3), attempt('r.2', 'openai', 'gpt-5-mini', 'cancelled')],
    });
    const requests = REQUESTS.slice(0, 3);
    const threeRows = ROWS.slice(0, 3).map(each => ({...each, attemptCount: 3}));
    expect(checkRun(RUN, [cancelled], threeRows, requests, 'live').mismatches).toEqual([]);
    const withRow = [...ROWS.slice(0, 3), row(3, 'openai', 'gpt-5-mini', 'cancelled')];
    const result = checkRun(RUN, [cancelled], withRow, requests, 'live');
    expect(result.mismatches).toEqual([]);
    expect(result.totals.unsentAttempts).toBe(1);
  });

  test('after a cut, rows may be interrupted, but the failed attempts before the fallback must have rows', () => {
    const cut = call({
      ending: undefined,
      usageAttempts: undefined,
      attempts: [...ATTEMPTS.slice(0, 3), attempt('r.2', 'openai', 'gpt-5-mini', null)],
    });
    const interrupted = [
      ROWS[0],
      ROWS[1],
      row(2, 'gemini', 'gemini-2.5-flash', 'interrupted'),
      row(3, 'openai', 'gpt-5-mini', 'interrupted'),
    ];
    expect(checkRun(RUN, [cut], interrupted, REQUESTS, 'cut').mismatches).toEqual([]);
    const lost = [row(3, 'cascade', 'claude-haiku-4-5', 'interrupted')];
    expect(kinds(checkRun(RUN, [cut], lost, REQUESTS, 'cut'))).toEqual([
      'row names no leaf of its call',
      'row missing: cut cascade fallback',
      'row missing: cut cascade fallback',
      'row missing: cut cascade fallback',
      'row missing',
    ]);
    expect(kinds(checkRun(RUN, [cut], [], REQUESTS, 'cut'))).toContain('call without rows');
  });

  test('requests and attempts that do not pair up are harness errors, not library ones', () => {
    const extra = [...REQUESTS, request(5, 'r.2', 'openai-chat', null)];
    expect(kinds(checkRun(RUN, [call()], ROWS, extra, 'live'))).toEqual(['harness: mock request without attempt']);
    const wrongWire = [...REQUESTS.slice(0, 3), request(4, 'r.2', 'cohere', null)];
    expect(kinds(checkRun(RUN, [call()], ROWS, wrongWire, 'live'))).toEqual(['harness: wire']);
  });

  test('a seed always draws the same calls, each leaf of a call with its own provider and model', () => {
    const hosts = ['h0', 'h1'];
    const first = Array.from({length: 200}, (_, index) =>
      planCall(42, 'main', index, `c${index}`, MAIN_PROFILE, hosts),
    );
    const again = Array.from({length: 200}, (_, index) =>
      planCall(42, 'main', index, `c${index}`, MAIN_PROFILE, hosts),
    );
    expect(again).toEqual(first);
    expect(planCall(43, 'main', 0, 'c0', MAIN_PROFILE, hosts)).not.toEqual(first[0]);
    for (const plan of first) {
      const keys = leavesOf(plan.tree).map(node => `${node.provider}/${node.model}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(mulberry32(deriveSeed(1, 'x'))()).toBe(mulberry32(deriveSeed(1, 'x'))());
  });
});
