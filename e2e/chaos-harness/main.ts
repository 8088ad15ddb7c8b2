/*
 * The chaos harness page: no Angular, just the library, its five providers and its call log, driven by the chaos
 * spec through `window.chaos`. Built by `build.mjs` with esbuild and served next to the mock provider server.
 */
import {LlmCascadeError, type LlmAttempt, LlmTruncationError} from 'llm-rx';
import {createLlmCallLog, type LlmCallLog, loggedLlm, type LlmCallRecord} from 'llm-rx/logging';
import {MOCK_SCENARIO_HEADER, mockScenario} from '@llm-rx/mock-providers';
import {lastValueFrom} from 'rxjs';
import {type AttemptListener, buildCallLlm, createProviderLlm, mockBaseUrl} from './chaos-llm';
import {LEAF_KINDS, MAIN_PROFILE, MODELS, planCall, TRAFFIC_PROFILE} from './chaos-plan';
import {mulberry32} from '@llm-rx/spec-support';
import {deriveSeed, Dice} from './chaos-random';
import type {
  AttemptRecord,
  AttemptSummary,
  CallPlan,
  CallResult,
  ChaosApi,
  CollectResult,
  LeafKind,
  MainRunOptions,
  MainRunResult,
  RowSummary,
  RunContext,
  TrafficOptions,
} from './chaos-types';

/** The log database of a run: one per run, shared by its rounds. */
function databaseNameOf(context: RunContext): string {
  return `llm-rx-chaos-${context.runId}`;
}

/** Where a run keeps, synchronously, what its calls did, so that it survives a reload or a closed tab. */
function storagePrefixOf(context: RunContext): string {
  return `llm-rx-chaos:${context.runId}:`;
}

interface CallHooks {
  readonly onAttempt?: AttemptListener;
  readonly onEnd?: (result: CallResult) => void;
}

/** Starts one logged call; the promise resolves when it completed, failed or was cancelled. */
function startCall(
  context: RunContext,
  plan: CallPlan,
  log: LlmCallLog,
  hooks: CallHooks = {},
): {result: CallResult; ended: Promise<void>} {
  const result: CallResult = {plan, startedAt: Date.now(), attempts: []};
  let resolveEnded: () => void = () => undefined;
  const ended = new Promise<void>(resolve => (resolveEnded = resolve));
  const finish = (ending: CallResult['ending'], error?: unknown) => {
    if (result.ending !== undefined) return;
    result.ending = ending;
    result.endedAt = Date.now();
    if (error !== undefined) {
      result.errorName = error instanceof Error ? error.name : typeof error;
      result.errorMessage = (error instanceof Error ? error.message : String(error)).slice(0, 300);
    }
    hooks.onEnd?.(result);
    resolveEnded();
  };
  const llm = loggedLlm(buildCallLlm(context, result, hooks.onAttempt), {log, label: plan.callId});
  const subscription = llm.stream({userPrompt: `chaos call ${plan.callId}`}).subscribe({
    next: chunk => {
      if (chunk.type === 'usage') result.usageAttempts = summarise(chunk.usage.attempts);
    },
    error: (error: unknown) => {
      if (LlmCascadeError.isInstance(error)) result.cascadeErrorAttempts = summarise(error.attempts);
      if (LlmTruncationError.isInstance(error)) result.truncationAttempts = summarise(error.usage.attempts);
      finish('error', error);
    },
    complete: () => finish('ok'),
  });
  if (plan.cancelAfterMs !== null) {
    const timer = setTimeout(() => {
      if (result.ending !== undefined) return;
      finish('cancelled');
      subscription.unsubscribe();
    }, plan.cancelAfterMs);
    void ended.then(() => clearTimeout(timer));
  }
  return {result, ended};
}

function summarise(attempts: readonly LlmAttempt[]): AttemptSummary[] {
  return attempts.map(({provider, model, outcome}) => ({provider, model, outcome}));
}

function summariseRow(row: LlmCallRecord): RowSummary {
  const {id, traceId, sessionId, label, provider, model, status, attemptIndex, attemptCount, errorType, startedAt} =
    row;
  return {id, traceId, sessionId, label, provider, model, status, attemptIndex, attemptCount, errorType, startedAt};
}

/**
 * One unlogged call per provider kind, with default timeouts: loads each SDK once, so that no leaf's short timeout
 * runs out while its SDK is still loading (an attempt that never reaches the server).
 */
async function warmUp(context: RunContext): Promise<void> {
  await Promise.all(
    (Object.keys(LEAF_KINDS) as LeafKind[]).map(kind => {
      const llm = createProviderLlm(
        kind,
        MODELS[LEAF_KINDS[kind].provider][0],
        mockBaseUrl(context, context.hosts[0]),
        {
          headers: {[MOCK_SCENARIO_HEADER]: mockScenario({tag: `${context.runId}.warmup.${kind}`, chunks: 1})},
        },
      );
      return lastValueFrom(llm.stream({userPrompt: 'warm up'}));
    }),
  );
}

async function runMain(options: MainRunOptions): Promise<MainRunResult> {
  const logErrors: string[] = [];
  const log = createLlmCallLog({
    databaseName: databaseNameOf(options),
    onError: error => logErrors.push(error.message),
  });
  await log.open();
  await warmUp(options);
  const calls: CallResult[] = [];
  let finished = 0;
  let inFlight = 0;
  let next = 0;
  let minInFlight = Infinity;
  let maxInFlight = 0;
  const startedAt = performance.now();
  await new Promise<void>(done => {
    const fill = () => {
      while (finished < options.calls && inFlight < options.inFlight) {
        const callId = `c${next}`;
        const plan = planCall(options.seed, 'main', next++, callId, MAIN_PROFILE, options.hosts);
        const {result, ended} = startCall(options, plan, log);
        calls.push(result);
        inFlight++;
        void ended.then(() => {
          inFlight--;
          finished++;
          fill();
          if (finished < options.calls) minInFlight = Math.min(minInFlight, inFlight);
          if (inFlight === 0) done();
        });
      }
      maxInFlight = Math.max(maxInFlight, inFlight);
    };
    fill();
  });
  const durationMs = performance.now() - startedAt;
  await log.flush();
  const rows = (await log.database.calls.toArray()).map(summariseRow);
  return {calls, rows, minInFlight, maxInFlight, durationMs, logErrors};
}

/** Starts calls at random intervals until the tab goes (or `maxCalls`), keeping each one in localStorage. */
async function startTraffic(options: TrafficOptions): Promise<void> {
  // A failure of the log itself goes to the console, where the spec reports it.
  const log = createLlmCallLog({databaseName: databaseNameOf(options), onError: error => console.error(error.message)});
  // Opening marks the rows of the tab before (reloaded or closed) interrupted.
  await log.open();
  await warmUp(options);
  const prefix = storagePrefixOf(options);
  const dice = new Dice(mulberry32(deriveSeed(options.seed, 'traffic-gaps', options.round)));
  let index = 0;
  const tick = () => {
    if (index >= options.maxCalls) return;
    const callId = `r${options.round}c${index}`;
    const plan = planCall(options.seed, `round${options.round}`, index++, callId, TRAFFIC_PROFILE, options.hosts);
    // Written synchronously before the call starts: the spec then knows every call that started.
    localStorage.setItem(`${prefix}call:${callId}`, JSON.stringify({plan, startedAt: Date.now()}));
    startCall(options, plan, log, {
      onAttempt: (attempt, attemptIndex) =>
        localStorage.setItem(`${prefix}attempt:${callId}:${attemptIndex}`, JSON.stringify(attempt)),
      onEnd: result =>
        localStorage.setItem(
          `${prefix}end:${callId}`,
          JSON.stringify({ending: result.ending, errorName: result.errorName, endedAt: result.endedAt}),
        ),
    });
    setTimeout(tick, dice.int(5, 40));
  };
  tick();
}

/** Opens the log (which marks the rows of closed tabs interrupted), flushes, and reads every row and started call. */
async function collect(context: RunContext): Promise<CollectResult> {
  const log = createLlmCallLog({databaseName: databaseNameOf(context)});
  await log.open();
  await log.flush();
  const rows = (await log.database.calls.toArray()).map(summariseRow);
  await log.close();
  const prefix = storagePrefixOf(context);
  const calls = new Map<string, CallResult>();
  const attempts: [string, number, AttemptRecord][] = [];
  for (let index = 0; index < localStorage.length; index++) {
    const key = localStorage.key(index);
    if (key === null || !key.startsWith(prefix)) continue;
    const [kind, callId, attemptIndex] = key.slice(prefix.length).split(':');
    const value = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (kind === 'call') calls.set(callId, {plan: value.plan, startedAt: value.startedAt, attempts: []});
    if (kind === 'attempt') attempts.push([callId, Number(attemptIndex), value]);
  }
  attempts.sort((a, b) => a[1] - b[1]);
  for (const [callId, , attempt] of attempts) calls.get(callId)?.attempts.push(attempt);
  for (const [callId, call] of calls) {
    const end = JSON.parse(localStorage.getItem(`${prefix}end:${callId}`) ?? 'null');
    if (end) Object.assign(call, end);
  }
  return {rows, calls: [...calls.values()]};
}

const api: ChaosApi = {runMain, startTraffic, collect};
(window as unknown as {chaos: ChaosApi}).chaos = api;
document.body.dataset['ready'] = 'true';
