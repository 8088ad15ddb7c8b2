// 500 concurrent streams through one llm-rx/proxy on loopback to the mock provider server, the six wires mixed:
// no byte lost (each proxied answer equals, byte for byte, the same request sent directly to the mock, response
// ids and times aside), none cross-wired (each answer carries its own stream's text and usage, and each stream's
// `finished` log line its own tokens), one record per tag at the mock. Bounded by the spec's timeout, not timed.
//
// Raw `fetch` of the wire bodies, not the SDKs: the byte comparison needs the bytes, and six SDKs parsing 1000
// streams in the proxy's own process on two shared cores would load the client more than the proxy. The real SDKs
// through the proxy are proxy-providers.node.spec.ts's.
import {createMemoryLlmProxyStore, type LlmProxyConfig} from 'llm-rx/proxy';
import {fetchMockRequests, MOCK_SCENARIO_HEADER, mockScenario, type MockScenario} from '@llm-rx/mock-providers';
import {type LlmProxyServer, mockUpstreamOf, startLlmProxyServer} from '@llm-rx/spec-support/node';
import {LOAD_WIRES, type LoadWire, ssePayloadsOf, withoutResponseIds} from './proxy-load-wires';

const STREAMS = 500;
const CHUNKS = 8;
const CHUNK_DELAY_MS = 500;
const TIMEOUT_MS = 90_000;
/** Each stream's input tokens are its own (`BASE_INPUT_TOKENS + index`), so that its charge names it. */
const BASE_INPUT_TOKENS = 1000;
const runId = crypto.randomUUID().slice(0, 8);

/** One of the 500 streams: its wire, its own text and tokens, and two tags (proxied, direct). */
interface LoadStream {
  readonly index: number;
  readonly wire: LoadWire;
  readonly tag: string;
  readonly text: string;
  readonly inputTokens: number;
}

function loadStreams(label: string): LoadStream[] {
  return Array.from({length: STREAMS}, (_, index) => {
    // A marker of its own, repeated over the chunks (one word each), with a character of two UTF-8 bytes.
    const marker = `load-${index}-${crypto.randomUUID().slice(0, 8)}-ü`;
    return {
      index,
      wire: LOAD_WIRES[index % LOAD_WIRES.length],
      tag: `proxy-load-${label}-${runId}-${index}`,
      text: Array.from({length: CHUNKS}, () => marker).join(' '),
      inputTokens: BASE_INPUT_TOKENS + index,
    };
  });
}

const scenarioOf = (stream: LoadStream, tag: string): MockScenario => ({
  tag,
  text: stream.text,
  chunks: CHUNKS,
  chunkDelay: CHUNK_DELAY_MS,
  inputTokens: stream.inputTokens,
  outputTokens: CHUNKS,
});

/** What one request got back. */
interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

async function post(baseURL: string, stream: LoadStream, tag: string): Promise<Answer> {
  const response = await fetch(`${baseURL}${stream.wire.path}`, {
    method: 'POST',
    headers: {'content-type': 'application/json', [MOCK_SCENARIO_HEADER]: mockScenario(scenarioOf(stream, tag))},
    body: stream.wire.body,
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  // `fatal`: a multi-byte character cut apart by the proxy fails the decoding instead of turning into U+FFFD.
  const text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
  return {status: response.status, contentType: response.headers.get('content-type') ?? '', text};
}

/** What is wrong with one stream's proxied answer, or `[]`. */
function problemsOf(stream: LoadStream, proxied: Answer, direct: Answer): string[] {
  const name = `stream ${stream.index} (${stream.wire.label})`;
  if (proxied.status !== 200 || !proxied.contentType.includes('text/event-stream')) {
    return [`${name}: ${proxied.status} ${proxied.contentType} ${proxied.text.slice(0, 200)}`];
  }
  const problems: string[] = [];
  if (withoutResponseIds(proxied.text) !== withoutResponseIds(direct.text)) {
    problems.push(
      `${name}: the proxied bytes differ from the direct ones (${proxied.text.length} vs ${direct.text.length})`,
    );
  }
  const reading = stream.wire.read(ssePayloadsOf(proxied.text));
  if (reading.text !== stream.text) problems.push(`${name}: text "${reading.text}", not its own "${stream.text}"`);
  if (reading.inputTokens !== stream.inputTokens || reading.outputTokens !== CHUNKS) {
    problems.push(`${name}: usage ${reading.inputTokens}+${reading.outputTokens}, not ${stream.inputTokens}+${CHUNKS}`);
  }
  return problems;
}

/** The global fetch, counting the upstream answers open at once (from the request to the body's end; no stream here is cancelled). */
function countingFetch(): {readonly fetch: typeof fetch; readonly peak: () => number} {
  let open = 0;
  let peak = 0;
  const counted: typeof fetch = async (input, init) => {
    open++;
    peak = Math.max(peak, open);
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      open--;
      throw error;
    }
    if (!response.body) {
      open--;
      return response;
    }
    const body = response.body.pipeThrough(new TransformStream({flush: () => void open--}));
    return new Response(body, response);
  };
  return {fetch: counted, peak: () => peak};
}

async function waitFor(what: string, isDone: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await isDone());) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

/** The mock's records of every proxied tag, 25 tags at a time: what is wrong with them, or `[]`. */
async function mockProblemsOf(streams: readonly LoadStream[]): Promise<string[]> {
  const problems: string[] = [];
  for (let start = 0; start < streams.length; start += 25) {
    const batch = streams.slice(start, start + 25);
    const records = await Promise.all(batch.map(stream => fetchMockRequests(stream.tag)));
    batch.forEach((stream, offset) => {
      const found = records[offset];
      const record = found[0];
      if (found.length !== 1) problems.push(`${stream.tag}: ${found.length} records at the mock`);
      else if (record.wire !== stream.wire.mockWire || !record.completed || record.closedEarly) {
        problems.push(
          `${stream.tag}: ${record.wire}, completed ${record.completed}, closedEarly ${record.closedEarly}`,
        );
      }
    });
  }
  return problems;
}

const RUNS: readonly {readonly label: string; readonly config: () => Partial<LlmProxyConfig>}[] = [
  {label: 'no-limits', config: () => ({})},
  {
    label: 'admitted',
    config: () => ({limits: {concurrentStreams: 1000}, store: createMemoryLlmProxyStore()}),
  },
];

describe('llm-rx/proxy under load on loopback', () => {
  for (const run of RUNS) {
    it(
      `streams ${STREAMS} concurrent answers over the six wires with no byte lost or cross-wired (${run.label})`,
      async () => {
        const upstream = countingFetch();
        const config = {...run.config(), fetch: upstream.fetch};
        const proxy: LlmProxyServer = await startLlmProxyServer(config);
        let peakRss = process.memoryUsage().rss;
        const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
        const startedAt = performance.now();
        try {
          const streams = loadStreams(run.label);
          const answers = await Promise.all(
            streams.map(stream =>
              Promise.all([
                post(proxy.baseURLOf(stream.wire.family), stream, stream.tag),
                post(mockUpstreamOf(stream.wire.family), stream, `${stream.tag}-direct`),
              ]),
            ),
          );
          const wallMs = performance.now() - startedAt;
          const problems = streams.flatMap((stream, index) => problemsOf(stream, ...answers[index]));
          expect(problems.slice(0, 10)).withContext(`${problems.length} problems`).toEqual([]);

          const finished = () => proxy.logs.filter(line => line.event === 'finished');
          await waitFor(`${STREAMS} finished lines`, () => finished().length >= STREAMS);
          expect(finished().length).toBe(STREAMS);
          expect(proxy.logs.filter(line => line.event !== 'finished')).toEqual([]);
          const charges = finished().map(line => {
            const stream = streams[(line.tokens ?? 0) - CHUNKS - BASE_INPUT_TOKENS];
            return `${stream?.wire.model === line.model} ${line.status} metered ${line.metered}`;
          });
          expect(new Set(charges))
            .withContext('each stream charged its own tokens')
            .toEqual(new Set(['true 200 metered true']));
          expect(new Set(finished().map(line => line.tokens)).size).toBe(STREAMS);

          const store = config.store;
          if (store) {
            const expectedTokens = streams.reduce((total, stream) => total + stream.inputTokens + CHUNKS, 0);
            await waitFor(
              'the store to settle',
              async () => (await store.usageOf('spec-user', Date.now())).reserved.tokens === 0,
            );
            const usage = await store.usageOf('spec-user', Date.now());
            expect(usage.spent.tokens).toBe(expectedTokens);
          }
          expect(await mockProblemsOf(streams)).toEqual([]);
          expect(upstream.peak()).withContext('the upstream calls overlap, not one at a time').toBeGreaterThan(1);
          if (process.env['LLM_RX_PROXY_LOAD_NOTE']) {
            const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
            console.info(
              `proxy load (${run.label}): ${STREAMS} streams in ${Math.round(wallMs)} ms, peak upstream open ` +
                `${upstream.peak()}, peak RSS ${mb(peakRss)} MiB`,
            );
          }
        } finally {
          clearInterval(sampler);
          await proxy.stop();
        }
      },
      TIMEOUT_MS,
    );
  }
});
