// The real SDKs of all five providers through llm-rx/proxy to the mock provider server: answers and usage as
// direct, upstream errors as the provider's own, and a cancel that reaches the upstream.
import {filter, take} from 'rxjs';
import {type LlmChunk, LlmProviderError, LlmProxyRefusalError, type LlmUsage} from 'llm-rx';
import {fetchMockRequests, waitForMockRequest} from '@llm-rx/mock-providers';
import {runStream, scenarioRequest, uniqueTag} from '@llm-rx/spec-support';
import {type LlmProxyServer, startLlmProxyServer} from '@llm-rx/spec-support/node';
import {PROVIDER_TARGETS, type ProviderTarget} from './bad-input-targets';
import {proxiedLlm} from './proxy-fixtures';

const textOf = (chunks: readonly LlmChunk[]) =>
  chunks.map(chunk => (chunk.type === 'text-delta' ? chunk.text : '')).join('');
const usageOf = (chunks: readonly LlmChunk[]): LlmUsage | undefined => {
  const last = chunks[chunks.length - 1];
  return last?.type === 'usage' ? last.usage : undefined;
};

const proxied = (target: ProviderTarget, proxy: LlmProxyServer) => proxiedLlm(target, proxy);

async function finishedLog(proxy: LlmProxyServer, model: string) {
  for (let waited = 0; waited < 3000; waited += 20) {
    const entry = proxy.logs.find(line => line.event === 'finished' && line.model === model);
    if (entry) return entry;
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  throw new Error(`the proxy logged no finished line for ${model}: ${JSON.stringify(proxy.logs)}`);
}

describe('llm-rx/proxy with the real SDKs', () => {
  let proxy: LlmProxyServer;

  beforeEach(async () => {
    proxy = await startLlmProxyServer();
  });

  afterEach(async () => {
    await proxy.stop();
  });

  for (const target of PROVIDER_TARGETS) {
    describe(target.label, () => {
      it('streams the same answer and usage as a direct call, and charges the usage the upstream reported', async () => {
        const scenario = {text: `Proxied answer for ${target.label}.`, chunks: 4, inputTokens: 120, outputTokens: 30};
        const direct = await runStream(
          target
            .create(target.model, target.baseOptions)
            .stream(scenarioRequest({tag: uniqueTag(target.label, 'direct'), ...scenario})),
        );
        const tag = uniqueTag(target.label, 'proxied');
        const outcome = await runStream(proxied(target, proxy).stream(scenarioRequest({tag, ...scenario})));

        expect(outcome.error).toBeUndefined();
        expect(textOf(outcome.chunks)).toBe(textOf(direct.chunks));
        const usage = usageOf(outcome.chunks)!;
        expect(usage.inputTokens).toBe(usageOf(direct.chunks)!.inputTokens);
        expect(usage.outputTokens).toBe(usageOf(direct.chunks)!.outputTokens);
        const charged = await finishedLog(proxy, target.model);
        expect(charged.metered).withContext('usage read from the stream').toBeTrue();
        expect(charged.tokens).toBe(usage.inputTokens + usage.outputTokens);
        expect(charged.costUsd).toBeCloseTo(usage.totalCost!, 9);
        const [record] = await fetchMockRequests(tag);
        expect(record.path).not.toContain('key=');
      });

      it("passes an upstream HTTP error on as the provider's own error, with its retry-after", async () => {
        const tag = uniqueTag(target.label, 'upstream-429');
        const outcome = await runStream(
          proxied(target, proxy).stream(scenarioRequest({tag, status: 429, retryAfter: 7})),
        );
        expect(LlmProviderError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
        expect(LlmProxyRefusalError.isInstance(outcome.error)).toBeFalse();
        const error = outcome.error as LlmProviderError;
        expect(error.statusCode).toBe(429);
        expect(error.retryAfterMs).toBe(7000);
        expect((await finishedLog(proxy, target.model)).tokens)
          .withContext('an error costs nothing')
          .toBe(0);
      });

      it('reports an error inside the stream after content, as a direct call does', async () => {
        const tag = uniqueTag(target.label, 'mid-stream');
        const outcome = await runStream(
          proxied(target, proxy).stream(scenarioRequest({tag, chunks: 5, errorAfter: 2})),
        );
        expect(textOf(outcome.chunks)).not.toBe('');
        expect(outcome.completed).toBeFalse();
        expect(outcome.error).toBeDefined();
      });

      it('aborts the upstream request when the subscriber unsubscribes', async () => {
        const tag = uniqueTag(target.label, 'cancel');
        await new Promise<void>(resolve => {
          proxied(target, proxy)
            .stream(scenarioRequest({tag, chunks: 60, chunkDelay: 40}))
            .pipe(
              filter(chunk => chunk.type === 'text-delta'),
              take(1),
            )
            .subscribe({complete: () => resolve()});
        });
        const record = await waitForMockRequest(tag, candidate => candidate.closedEarly, {timeoutMs: 5000});
        expect(record.completed).toBeFalse();
        const charged = await finishedLog(proxy, target.model);
        expect(charged.metered).withContext('no usage came: estimated').toBeFalse();
      });
    });
  }
});
