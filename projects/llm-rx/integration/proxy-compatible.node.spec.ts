// OpenAI-compatible services served by llm-rx/proxy under their preset names: each preset's provider (the real
// `openai` SDK) calls the proxy, which forwards to the mock of the service at its real path with the server's key,
// respecting the service's quirks, and meters and prices the usage with the preset's prices.
import {type LlmChunk, type LlmUsage} from 'llm-rx';
import {GROQ_PRICES, MISTRAL_PRICES, MOONSHOT_PRICES} from 'llm-rx/compatible';
import type {LlmProxyCompatibleConfig} from 'llm-rx/proxy';
import {fetchMockRequests} from '@llm-rx/mock-providers';
import {runStream, scenarioRequest, uniqueTag} from '@llm-rx/spec-support';
import {type LlmProxyServer, startLlmProxyServer} from '@llm-rx/spec-support/node';
import {compatibleTarget, type CompatibleTarget} from './compatible-targets';

/** The key the proxy holds for every service here, shaped like a real one: it must reach no answer or log line. */
const SERVICE_KEY = 'gsk_Vb7Nm2Qw9Er4Ty8Ui3Op6As1Df5Gh0Jk';

interface ServiceCase extends CompatibleTarget {
  readonly prices: LlmProxyCompatibleConfig['prices'];
  /** What of its quirks the case shows. */
  readonly shows: string;
}

const SERVICES: readonly ServiceCase[] = [
  {...compatibleTarget('groq'), prices: GROQ_PRICES, shows: 'usage asked with stream_options'},
  {...compatibleTarget('mistral'), prices: MISTRAL_PRICES, shows: 'no stream_options (a 422)'},
  {...compatibleTarget('moonshot'), prices: MOONSHOT_PRICES, shows: 'usage in the choice'},
];

const usageOf = (chunks: readonly LlmChunk[]): LlmUsage | undefined => {
  const last = chunks[chunks.length - 1];
  return last?.type === 'usage' ? last.usage : undefined;
};

async function finishedLog(proxy: LlmProxyServer, provider: string) {
  for (let waited = 0; waited < 3000; waited += 20) {
    const entry = proxy.logs.find(line => line.event === 'finished' && line.provider === provider);
    if (entry) return entry;
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  throw new Error(`the proxy logged no finished line for ${provider}: ${JSON.stringify(proxy.logs)}`);
}

describe('llm-rx/proxy serving OpenAI-compatible services by preset name', () => {
  let proxy: LlmProxyServer;

  beforeEach(async () => {
    proxy = await startLlmProxyServer(
      {
        providers: {},
        compatible: Object.fromEntries(
          SERVICES.map(({preset, mockBaseURL, prices}) => [
            preset.name,
            {...preset, baseURL: mockBaseURL, apiKey: SERVICE_KEY, models: [preset.exampleModel], prices},
          ]),
        ),
        limits: {costPerDayUsd: 1},
      },
      {record: true},
    );
  });

  afterEach(async () => {
    await proxy.stop();
  });

  for (const {preset, provider, shows} of SERVICES) {
    it(`streams ${preset.label} (${shows}) through /${preset.name} with the server's key, metered and priced`, async () => {
      const tag = uniqueTag('proxy-compatible', preset.name);
      const llm = provider.create(preset.exampleModel, {baseURL: proxy.baseURLOf(preset.name)});
      const outcome = await runStream(
        llm.stream(scenarioRequest({tag, text: `Hi from ${preset.label}.`, inputTokens: 900, outputTokens: 40})),
      );

      expect(outcome.error).toBeUndefined();
      const usage = usageOf(outcome.chunks)!;
      expect([usage.inputTokens, usage.outputTokens]).toEqual([900, 40]);
      expect(usage.totalCost).withContext('the preset prices its example model').toBeGreaterThan(0);
      const charged = await finishedLog(proxy, preset.name);
      expect(charged.metered).withContext("usage read from the service's stream").toBeTrue();
      expect(charged.tokens).toBe(940);
      expect(charged.costUsd).toBeCloseTo(usage.totalCost!, 9);

      const [record] = await fetchMockRequests(tag);
      expect(record.headers['authorization']).withContext('the mock masks the key it got').toBe('***');
      const body = record.body as Record<string, unknown>;
      expect(body['max_tokens']).withContext('the proxy caps output as max_tokens').toBe(8192);
      expect('max_completion_tokens' in body).toBeFalse();
      expect('stream_options' in body).toBe(preset.quirks.streamOptions);
      const answered = proxy.responses.map(response => response.body + response.headers).join('\n');
      expect(answered).not.toContain(SERVICE_KEY);
      expect(JSON.stringify(proxy.logs)).not.toContain(SERVICE_KEY);
    });
  }

  it('refuses a model the service does not allow, and a name it does not serve, before any upstream call', async () => {
    const tag = uniqueTag('proxy-compatible', 'refused');
    const groqProvider = compatibleTarget('groq').provider;
    const other = await runStream(
      groqProvider
        .create('llama-3.1-8b-instant', {baseURL: proxy.baseURLOf('groq')})
        .stream(scenarioRequest({tag, text: 'No.'})),
    );
    expect(other.error).toEqual(jasmine.objectContaining({reason: 'model-not-allowed'}));
    const unserved = await runStream(
      groqProvider
        .create('llama-3.1-8b-instant', {baseURL: proxy.baseURLOf('together')})
        .stream(scenarioRequest({tag})),
    );
    expect(unserved.error).toEqual(jasmine.objectContaining({reason: 'route-not-found'}));
    expect(await fetchMockRequests(tag)).toEqual([]);
  });
});
