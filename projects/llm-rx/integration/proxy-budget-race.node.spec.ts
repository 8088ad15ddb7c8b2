/*
 * Two proxy processes racing for one user's daily cost budget: each a child (proxy-race-child.ts) with its own
 * store client, 60 calls at once through the OpenAI SDK, half of them slow so that many are in flight together.
 * Over one shared Redis the fleet never spends more than the budget plus one reservation; with a memory store in
 * each process it spends about twice the budget, which is why a fleet needs the shared store. Needs redis-server
 * and the mock provider server on port 4010.
 */
import {type ChildProcess, spawn} from 'node:child_process';
import {join, resolve} from 'node:path';
import {createClient} from 'redis';
import {type LlmChunk, LlmPriceTable, LlmProxyRefusalError, type LlmUsage} from 'llm-rx';
import {createOpenAiLlm} from 'llm-rx/openai';
import {createRedisLlmProxyStore, type LlmProxyDayUsage} from 'llm-rx/proxy';
import {fetchMockRequests} from '@llm-rx/mock-providers';
import {runStream, scenarioRequest, uniqueTag} from '@llm-rx/spec-support';
import {type RunningRedisServer, startRedisServer} from '@llm-rx/spec-support/node';

const REPOSITORY_ROOT = resolve(__dirname, '../../..');
const CHILD_SCRIPT = join(__dirname, 'proxy-race-child.ts');
/** The child's spend reading (its USAGE_PATH). */
const USAGE_PATH = '/spec/usage';
/** How long a child may take to load tsx, the proxy and the SDK, and listen, on a loaded machine. */
const START_BUDGET_MS = 15_000;
/** How long the proxies may take to settle the last calls into their stores after the clients saw their ends. */
const SETTLE_BUDGET_MS = 5000;

const MODEL = 'gpt-4.1-mini';
/** The racing user: the proxies take the caller's API key as its user id. */
const RACER = 'budget-racer';
const CALLS = 60;
const MAX_TOKENS = 1000;
/** What every admitted call reports spending: below its reservation (its body's bytes and MAX_TOKENS). */
const USAGE = {inputTokens: 100, outputTokens: MAX_TOKENS};
/**
 * About 25.6 reservations (of about $0.00166 each): 26 fit while spent and reserved stay below it, enough that
 * both processes admit some even when one's requests reach the store in a burst before the other's.
 */
const BUDGET_USD = 0.0425;
const BUDGET_NANO_USD = Math.round(BUDGET_USD * 1e9);

const price = LlmPriceTable.default.priceOf('openai', MODEL)!;
/** The model's rates per token, in nano-dollars: whole numbers, so every expected spend below is exact. */
const INPUT_NANO_PER_TOKEN = price.inputPerMillion * 1000;
const OUTPUT_NANO_PER_TOKEN = price.outputPerMillion * 1000;
const CALL_NANO_USD = USAGE.inputTokens * INPUT_NANO_PER_TOKEN + USAGE.outputTokens * OUTPUT_NANO_PER_TOKEN;

type StoreKind = 'redis' | 'memory';

const connectTo = (url: string) => createClient({url}).connect();

/** A proxy child process, listening. */
interface RaceProxy {
  readonly url: string;
  readonly child: ChildProcess;
  readonly stderr: () => string;
}

/** Every child started, so that a failing spec still stops them all. */
const children: ChildProcess[] = [];

function startRaceProxy(kind: StoreKind, redisUrl: string, keyPrefix: string): Promise<RaceProxy> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, kind, redisUrl, keyPrefix, `${BUDGET_USD}`], {
    // tsx reads the tsconfig paths (llm-rx, llm-rx/proxy, …) from the working directory.
    cwd: REPOSITORY_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (data: Buffer) => (stderr += data.toString()));
  return new Promise((resolveStart, rejectStart) => {
    const fail = (why: string) =>
      rejectStart(new Error(`the ${kind} proxy child ${why}; stderr: ${stderr.slice(-2000)}`));
    const deadline = setTimeout(() => fail(`did not listen within ${START_BUDGET_MS} ms`), START_BUDGET_MS);
    child.once('exit', code => fail(`exited (${code}) before listening`));
    child.stdout?.on('data', (data: Buffer) => {
      stdout += data.toString();
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(deadline);
      const {port} = JSON.parse(stdout.slice(0, newline)) as {port: number};
      resolveStart({url: `http://127.0.0.1:${port}`, child, stderr: () => stderr});
    });
  });
}

/** Stops every child still running: SIGTERM, then SIGKILL after 2 s. */
async function stopChildren(): Promise<void> {
  const running = children.splice(0).filter(child => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map(
      child =>
        new Promise<void>(resolveStop => {
          const force = setTimeout(() => child.kill('SIGKILL'), 2000);
          child.once('exit', () => {
            clearTimeout(force);
            resolveStop();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** How one call ended, as its client saw it. */
interface CallOutcome {
  readonly proxyIndex: number;
  /** The usage chunk of an admitted call. */
  readonly usage?: LlmUsage;
  /** The refusal of a refused one. */
  readonly refusal?: LlmProxyRefusalError;
  /** Anything else: a failed spec. */
  readonly unexpected?: string;
}

function callOutcome(proxyIndex: number, chunks: readonly LlmChunk[], error: unknown): CallOutcome {
  const last = chunks[chunks.length - 1];
  if (error === undefined && last?.type === 'usage') return {proxyIndex, usage: last.usage};
  if (LlmProxyRefusalError.isInstance(error)) return {proxyIndex, refusal: error};
  return {proxyIndex, unexpected: `${String(error)} after ${chunks.map(chunk => chunk.type).join(',')}`};
}

/** One call for `user` through a proxy: a chat completion whose every admission reserves the same bound. */
async function callThrough(proxy: RaceProxy, user: string, tag: string, slow: boolean, proxyIndex = 0) {
  const llm = createOpenAiLlm(MODEL, {api: 'chat', apiKey: user, baseURL: `${proxy.url}/api/llm/openai`});
  const pace = slow ? {chunks: 5, chunkDelay: 150} : {chunks: 2};
  const outcome = await runStream(llm.stream(scenarioRequest({tag, ...USAGE, ...pace}, {maxTokens: MAX_TOKENS})));
  return callOutcome(proxyIndex, outcome.chunks, outcome.error);
}

/** The race: CALLS calls for RACER at once, alternating between the proxies, half of each proxy's slow. */
function race(proxies: readonly RaceProxy[], tags: readonly string[]): Promise<CallOutcome[]> {
  return Promise.all(
    Array.from({length: CALLS}, (_, i) => callThrough(proxies[i % 2], RACER, tags[i % 2], i % 4 < 2, i % 2)),
  );
}

/** Starts the two proxies and warms each up with one call for another user (loaded code, a connected store). */
async function startPair(kind: StoreKind, redisUrl: string, keyPrefix: string): Promise<RaceProxy[]> {
  const proxies = await Promise.all([0, 1].map(() => startRaceProxy(kind, redisUrl, keyPrefix)));
  for (const proxy of proxies) {
    const warmUp = await callThrough(proxy, 'warm-up', uniqueTag('budget-race', 'warm-up'), false);
    expect(warmUp.usage).withContext(`warm-up: ${warmUp.unexpected}; stderr: ${proxy.stderr()}`).toBeDefined();
  }
  return proxies;
}

/** Reads a spend until nothing is reserved any more (the proxies settle just after the streams end). */
async function settledUsage(read: () => Promise<LlmProxyDayUsage>): Promise<LlmProxyDayUsage> {
  const deadline = Date.now() + SETTLE_BUDGET_MS;
  let usage = await read();
  while ((usage.reserved.tokens > 0 || usage.reserved.costNanoUsd > 0) && Date.now() < deadline) {
    await new Promise(resolveWait => setTimeout(resolveWait, 25));
    usage = await read();
  }
  return usage;
}

/** The reservation of one race call, from the body the upstream received: its bytes as input, MAX_TOKENS as output. */
async function reservationNanoUsd(tags: readonly string[]): Promise<{nanoUsd: number; upstreamCalls: number[]}> {
  const records = await Promise.all(tags.map(tag => fetchMockRequests(tag)));
  // The proxy forwards JSON.stringify() of the body, so the mock's parsed copy restringifies to the same bytes.
  const sizes = new Set(records.flat().map(record => Buffer.byteLength(JSON.stringify(record.body))));
  expect(sizes.size).withContext('every forwarded body has the same size').toBe(1);
  const [bodyBytes] = [...sizes];
  return {
    nanoUsd: bodyBytes * INPUT_NANO_PER_TOKEN + MAX_TOKENS * OUTPUT_NANO_PER_TOKEN,
    upstreamCalls: records.map(list => list.length),
  };
}

/** Checks every call was admitted (with its usage) or refused for the daily cost; returns the admitted ones. */
function admittedOf(outcomes: readonly CallOutcome[]): CallOutcome[] {
  expect(outcomes.filter(outcome => outcome.unexpected).map(outcome => outcome.unexpected)).toEqual([]);
  const refusals = outcomes.filter(outcome => outcome.refusal).map(outcome => outcome.refusal!.reason);
  expect(refusals.filter(reason => reason !== 'daily-cost'))
    .withContext('refusal reasons')
    .toEqual([]);
  return outcomes.filter(outcome => outcome.usage);
}

const reportedTokens = (calls: readonly CallOutcome[]) =>
  calls.reduce((sum, call) => sum + call.usage!.inputTokens + call.usage!.outputTokens, 0);
const reportedNanoUsd = (calls: readonly CallOutcome[]) =>
  calls.reduce((sum, call) => sum + Math.round(call.usage!.totalCost! * 1e9), 0);

describe('two proxy processes racing for one daily cost budget (child processes, mock server)', () => {
  let redis: RunningRedisServer;
  let reader: Awaited<ReturnType<typeof connectTo>>;

  beforeAll(async () => {
    redis = await startRedisServer();
    reader = await connectTo(redis.url);
  });
  afterEach(stopChildren);
  afterAll(async () => {
    await stopChildren();
    await reader?.close();
    await redis?.stop();
  });

  it('never spend beyond the budget plus one reservation when they share one Redis', async () => {
    const keyPrefix = uniqueTag('budget-race', 'redis');
    const proxies = await startPair('redis', redis.url, keyPrefix);
    const tags = [0, 1].map(index => uniqueTag('budget-race', `redis-proxy-${index}`));
    const startedAt = Date.now();
    const outcomes = await race(proxies, tags);

    const admitted = admittedOf(outcomes);
    const store = createRedisLlmProxyStore({client: reader, keyPrefix});
    const usage = await settledUsage(() => store.usageOf(RACER, startedAt));
    const reservation = await reservationNanoUsd(tags);
    const context = `${admitted.length} admitted; stderr: ${proxies.map(proxy => proxy.stderr()).join('\n')}`;
    expect(usage.reserved).withContext(context).toEqual({tokens: 0, costNanoUsd: 0});
    expect(usage.spent.costNanoUsd)
      .withContext(context)
      .toBeLessThanOrEqual(BUDGET_NANO_USD + reservation.nanoUsd);
    expect(usage.spent.tokens).toBe(reportedTokens(admitted));
    expect(usage.spent.costNanoUsd).toBe(reportedNanoUsd(admitted));
    expect(usage.spent.costNanoUsd).toBe(admitted.length * CALL_NANO_USD);
    // The race was real: some calls refused, and each process admitted some while the other did.
    expect(admitted.length).toBeLessThan(CALLS);
    const admittedBy = [0, 1].map(index => admitted.filter(call => call.proxyIndex === index).length);
    expect(admittedBy[0]).withContext('admitted by the first process').toBeGreaterThanOrEqual(2);
    expect(admittedBy[1]).withContext('admitted by the second process').toBeGreaterThanOrEqual(2);
    expect(reservation.upstreamCalls).withContext('a refused call never reaches the upstream').toEqual(admittedBy);
  }, 40_000);

  it('overspend with a memory store in each process: each admits up to the budget on its own', async () => {
    const proxies = await startPair('memory', '-', 'unused');
    const tags = [0, 1].map(index => uniqueTag('budget-race', `memory-proxy-${index}`));
    const outcomes = await race(proxies, tags);

    const admitted = admittedOf(outcomes);
    const readings = await Promise.all(
      proxies.map(proxy =>
        settledUsage(async () => {
          const response = await fetch(`${proxy.url}${USAGE_PATH}?user=${RACER}`);
          return (await response.json()) as LlmProxyDayUsage;
        }),
      ),
    );
    const spent = readings.reduce((sum, reading) => sum + reading.spent.costNanoUsd, 0);
    const reservation = await reservationNanoUsd(tags);
    expect(spent).toBe(reportedNanoUsd(admitted));
    expect(spent)
      .withContext(`${admitted.length} admitted`)
      .toBeGreaterThan(BUDGET_NANO_USD + reservation.nanoUsd);
  }, 40_000);
});
