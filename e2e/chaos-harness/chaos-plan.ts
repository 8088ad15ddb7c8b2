import type {MockScenario} from '@llm-rx/mock-providers';
import {mulberry32} from '@llm-rx/spec-support';
import {deriveSeed, Dice} from './chaos-random';
import type {CallPlan, LeafFault, LeafKind, LeafPlan, NodePlan} from './chaos-types';

/** Each leaf kind's provider (as the library names it) and mock wire. */
export const LEAF_KINDS: Readonly<Record<LeafKind, {readonly provider: string; readonly wire: string}>> = {
  'openai-responses': {provider: 'openai', wire: 'openai-responses'},
  'openai-chat': {provider: 'openai', wire: 'openai-chat'},
  anthropic: {provider: 'anthropic', wire: 'anthropic'},
  gemini: {provider: 'gemini', wire: 'gemini'},
  deepseek: {provider: 'deepseek', wire: 'deepseek'},
  cohere: {provider: 'cohere', wire: 'cohere'},
};

/** The provider each mock wire belongs to. */
export const WIRE_PROVIDERS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(LEAF_KINDS).map(({provider, wire}) => [wire, provider]),
);

/**
 * Model names per provider, at least as many as a call has leaves (9), so that no two leaves of a call share a
 * provider and model and every row can be traced back to its leaf.
 */
export const MODELS: Readonly<Record<string, readonly string[]>> = {
  openai: [
    'gpt-5-mini',
    'gpt-5',
    'gpt-5-nano',
    'gpt-4.1',
    'gpt-4.1-mini',
    'gpt-4.1-nano',
    'gpt-4o',
    'gpt-4o-mini',
    'o4-mini',
  ],
  anthropic: [
    'claude-haiku-4-5',
    'claude-sonnet-4-5',
    'claude-opus-4-5',
    'claude-sonnet-4-6',
    'claude-opus-4-1',
    'claude-sonnet-4-0',
    'claude-opus-4-0',
    'claude-3-7-sonnet-latest',
    'claude-3-5-haiku-latest',
  ],
  gemini: [
    'gemini-2.5-flash',
    'gemini-2.5-pro',
    'gemini-2.5-flash-lite',
    'gemini-2.0-flash',
    'gemini-2.0-flash-lite',
    'gemini-1.5-flash',
    'gemini-1.5-pro',
    'gemini-3-pro-preview',
    'gemini-flash-latest',
  ],
  deepseek: [
    'deepseek-chat',
    'deepseek-reasoner',
    'deepseek-v3',
    'deepseek-v3.1',
    'deepseek-v3.2',
    'deepseek-r1',
    'deepseek-coder',
    'deepseek-v2.5',
    'deepseek-v3.2-exp',
  ],
  cohere: [
    'command-a-03-2025',
    'command-r-plus',
    'command-r',
    'command-r7b-12-2024',
    'command-a-reasoning-08-2025',
    'command-a-vision-07-2025',
    'command-r-08-2024',
    'command-r-plus-08-2024',
    'command-light',
  ],
};

/** How calls are drawn: the main run's many short calls, or the reload rounds' longer ones. */
export interface ChaosProfile {
  /** Probability that a call is a cascade rather than a single leaf. */
  readonly cascadeChance: number;
  /** Probability that a child of the top cascade is a cascade itself. */
  readonly nestedChance: number;
  readonly faultWeights: Readonly<Record<LeafFault, number>>;
  /** Probability that a leaf is wrapped in `retryBeforeFirstChunk`. */
  readonly retryChance: number;
  /** Text chunks per answer. */
  readonly chunks: readonly [number, number];
  /** Milliseconds between chunks. */
  readonly chunkDelayMs: readonly [number, number];
  /** Probability that a call is unsubscribed at a random time. */
  readonly cancelChance: number;
  readonly cancelWithinMs: number;
}

/** The main run: many calls, every fault, retries, nested cascades and random cancels. */
export const MAIN_PROFILE: ChaosProfile = {
  cascadeChance: 0.65,
  nestedChance: 0.3,
  faultWeights: {
    none: 28,
    status: 18,
    dropAfter: 8,
    stallAfter: 6,
    errorAfter: 8,
    malformedAfter: 6,
    noFinal: 6,
    finishLength: 4,
    headerDelay: 6,
  },
  retryChance: 0.35,
  chunks: [2, 8],
  chunkDelayMs: [0, 25],
  cancelChance: 0.12,
  cancelWithinMs: 700,
};

/**
 * The reload and close-tab rounds: slower answers and first children that fail fast, so that many calls are on a
 * cascade's fallback when the tab goes.
 */
export const TRAFFIC_PROFILE: ChaosProfile = {
  cascadeChance: 0.75,
  nestedChance: 0.3,
  faultWeights: {
    none: 30,
    status: 30,
    dropAfter: 10,
    stallAfter: 4,
    errorAfter: 8,
    malformedAfter: 6,
    noFinal: 6,
    finishLength: 2,
    headerDelay: 4,
  },
  retryChance: 0.35,
  chunks: [4, 10],
  chunkDelayMs: [20, 80],
  cancelChance: 0,
  cancelWithinMs: 0,
};

const STATUSES = [401, 429, 500, 503, 529] as const;
/** Generous timeouts for leaves that must not time out: only stalls and slow headers are meant to. */
const GENEROUS_TIMEOUT_MS = 15_000;

/**
 * Draws one call: its tree of leaves and cascades, each leaf's fault, retries and timeouts, and its cancel time.
 * @param seed The run's seed.
 * @param stream Which series of calls (`main`, `round3`), so that each series has its own calls.
 * @param index The call's number in its series.
 * @param callId The call's id, also its log label.
 * @param profile How calls are drawn.
 * @param hosts The mock server's host names; the call uses one, by its number.
 * @returns The plan; the same arguments always give the same plan.
 */
export function planCall(
  seed: number,
  stream: string,
  index: number,
  callId: string,
  profile: ChaosProfile,
  hosts: readonly string[],
): CallPlan {
  const dice = new Dice(mulberry32(deriveSeed(seed, stream, index)));
  const host = hosts[index % hosts.length];
  const modelsUsed = new Map<string, number>();
  const leaf = (path: string): LeafPlan => planLeaf(dice, profile, path, host, modelsUsed);
  let tree: NodePlan;
  if (!dice.chance(profile.cascadeChance)) {
    tree = leaf('r');
  } else {
    const children = Array.from({length: childCount(dice)}, (_, position): NodePlan => {
      const path = `r.${position}`;
      if (!dice.chance(profile.nestedChance)) return leaf(path);
      const grandchildren = Array.from({length: childCount(dice)}, (_, inner) => leaf(`${path}.${inner}`));
      return {type: 'cascade', path, children: grandchildren};
    });
    tree = {type: 'cascade', path: 'r', children};
  }
  const cancelAfterMs = dice.chance(profile.cancelChance) ? dice.int(0, profile.cancelWithinMs) : null;
  return {callId, tree, cancelAfterMs};
}

function childCount(dice: Dice): number {
  return Number(dice.weighted({1: 2, 2: 5, 3: 3}));
}

function planLeaf(
  dice: Dice,
  profile: ChaosProfile,
  path: string,
  host: string,
  modelsUsed: Map<string, number>,
): LeafPlan {
  const kind = dice.pick(Object.keys(LEAF_KINDS) as LeafKind[]);
  const {provider, wire} = LEAF_KINDS[kind];
  const modelIndex = modelsUsed.get(provider) ?? 0;
  modelsUsed.set(provider, modelIndex + 1);
  const model = MODELS[provider][modelIndex];
  const fault = dice.weighted(profile.faultWeights);
  const scenario: Omit<MockScenario, 'tag'> & Record<string, unknown> = {
    chunks: dice.int(profile.chunks[0], profile.chunks[1]),
    chunkDelay: dice.int(profile.chunkDelayMs[0], profile.chunkDelayMs[1]),
  };
  if (dice.chance(0.15)) scenario['reasoning'] = dice.int(1, 2);
  let firstChunkTimeoutMs = GENEROUS_TIMEOUT_MS;
  let idleTimeoutMs = GENEROUS_TIMEOUT_MS;
  // "After N" counts content chunks: 0 fails before any content (a retry or failover follows), more fails after.
  const after = () => dice.pick([0, 0, 0, 1, 2]);
  switch (fault) {
    case 'none':
      break;
    case 'status':
      scenario['status'] = dice.pick(STATUSES);
      break;
    case 'dropAfter':
    case 'errorAfter':
    case 'malformedAfter':
      scenario[fault] = after();
      break;
    case 'stallAfter':
      scenario['stallAfter'] = after();
      firstChunkTimeoutMs = dice.int(300, 800);
      idleTimeoutMs = dice.int(300, 800);
      break;
    case 'noFinal':
      scenario['noFinal'] = true;
      break;
    case 'finishLength':
      scenario['finish'] = 'length';
      break;
    case 'headerDelay':
      scenario['headerDelay'] = dice.int(100, 600);
      // Sometimes shorter than the delay: a first-chunk timeout with no fault played by the server.
      if (dice.chance(0.4)) firstChunkTimeoutMs = dice.int(300, 500);
      break;
  }
  const isHealable = fault !== 'none' && fault !== 'finishLength' && fault !== 'headerDelay';
  if (isHealable && dice.chance(0.4)) scenario['failTimes'] = dice.int(1, 2);
  const retryCount = dice.chance(profile.retryChance) ? dice.int(1, 2) : 0;
  return {
    type: 'leaf',
    path,
    kind,
    provider,
    wire,
    model,
    host,
    scenario,
    fault,
    retryCount,
    firstChunkTimeoutMs,
    idleTimeoutMs,
  };
}

/**
 * Every leaf of a tree, in order.
 * @param node The tree.
 * @returns Its leaves.
 */
export function leavesOf(node: NodePlan): LeafPlan[] {
  return node.type === 'leaf' ? [node] : node.children.flatMap(leavesOf);
}

/**
 * The mock-scenario tag of a leaf of a call: every request of a run maps back to its call and leaf.
 * @param runId The run's id.
 * @param callId The call's id.
 * @param path The leaf's path.
 * @returns `${runId}.${callId}.${path}`.
 */
export function tagOf(runId: string, callId: string, path: string): string {
  return `${runId}.${callId}.${path}`;
}
