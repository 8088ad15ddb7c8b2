// Images through llm-rx/proxy on all five wires, with the real SDKs. While a call streams, its reservation holds
// part of the user's daily budget: a photo counted as its base64's bytes (the default) holds more than a day's
// 200,000 tokens, so a second call is refused until it ends; counted at `imageInputTokens`, the second call is
// admitted. A call that reports no usage is charged an estimate that counts the image the same way.
import type {LlmChunk, LlmRequest} from 'llm-rx';
import {LlmProxyRefusalError} from 'llm-rx';
import {fetchMockRequests} from '@llm-rx/mock-providers';
import {runStream, scenarioRequest, uniqueTag} from '@llm-rx/spec-support';
import {type LlmProxyServer, startLlmProxyServer} from '@llm-rx/spec-support/node';
import {PROVIDER_TARGETS, type ProviderTarget} from './bad-input-targets';
import {proxiedLlm} from './proxy-fixtures';

/** 300 kB of image bytes (about 400 kB of base64): over the day's tokens when counted byte for byte. */
const IMAGE_BYTES = 300_000;
const TOKENS_PER_DAY = 200_000;
const TOKENS_PER_IMAGE = 5000;

function imageRequest(tag: string): LlmRequest {
  const bytes = new Uint8Array(IMAGE_BYTES).map((_, index) => (index * 7919) % 251);
  return scenarioRequest(
    {tag, chunks: 4, chunkDelay: 250},
    {
      messages: [
        {
          role: 'user',
          content: [
            {type: 'text', text: `What is in this photo? (${tag})`},
            {type: 'image', image: new Blob([bytes], {type: 'image/png'})},
          ],
        },
      ],
      maxTokens: 256,
    },
  );
}

/**
 * Streams an image call and, once its first chunk is in (it is admitted and holds its reservation), a text call.
 * @returns How the text call ended, after the image call ended.
 */
async function textCallDuringImageCall(target: ProviderTarget, proxy: LlmProxyServer, tag: string) {
  const imageChunks: LlmChunk[] = [];
  const imageCall = new Promise<unknown>(resolve =>
    proxiedLlm(target, proxy)
      .stream(imageRequest(tag))
      .subscribe({next: chunk => imageChunks.push(chunk), error: resolve, complete: () => resolve(undefined)}),
  );
  for (let waited = 0; imageChunks.length === 0 && waited < 5000; waited += 10) {
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  const textCall = await runStream(
    proxiedLlm(target, proxy).stream(scenarioRequest({tag: `${tag}-text`}, {maxTokens: 256})),
  );
  expect(await imageCall)
    .withContext('the image call')
    .toBeUndefined();
  expect(imageChunks[imageChunks.length - 1]?.type).toBe('usage');
  return textCall;
}

describe('llm-rx/proxy with images', () => {
  const shared = {limits: {tokensPerDay: TOKENS_PER_DAY}, maxRequestBytes: 2 * 1024 * 1024};
  let proxy: LlmProxyServer | undefined;

  afterEach(async () => {
    await proxy?.stop();
    proxy = undefined;
  });

  for (const target of PROVIDER_TARGETS) {
    describe(target.label, () => {
      it('admits a second call while a photo streams when images count at imageInputTokens', async () => {
        proxy = await startLlmProxyServer({...shared, imageInputTokens: TOKENS_PER_IMAGE});
        const tag = uniqueTag('proxy-images', target.label);
        const textCall = await textCallDuringImageCall(target, proxy, tag);

        expect(textCall.error).toBeUndefined();
        const [record] = await fetchMockRequests(tag);
        expect(JSON.stringify(record.body).length).withContext('the image reached the upstream').toBeGreaterThan(4e5);
      });

      it("refuses the second call as daily-tokens when the photo's base64 counts byte for byte", async () => {
        proxy = await startLlmProxyServer(shared);
        const tag = uniqueTag('proxy-images', `${target.label}-bytes`);
        const textCall = await textCallDuringImageCall(target, proxy, tag);

        expect(LlmProxyRefusalError.isInstance(textCall.error)).withContext(String(textCall.error)).toBeTrue();
        expect((textCall.error as LlmProxyRefusalError).reason).toBe('daily-tokens');
        expect(await fetchMockRequests(`${tag}-text`)).toEqual([]);
      });

      it('charges a cancelled photo call an estimate with the image at imageInputTokens', async () => {
        proxy = await startLlmProxyServer({...shared, imageInputTokens: TOKENS_PER_IMAGE});
        const tag = uniqueTag('proxy-images', `${target.label}-cancel`);
        const subscription = proxiedLlm(target, proxy)
          .stream(imageRequest(tag))
          .subscribe({error: () => undefined});
        for (let waited = 0; (await fetchMockRequests(tag)).length === 0 && waited < 5000; waited += 20) {
          await new Promise(resolve => setTimeout(resolve, 20));
        }
        subscription.unsubscribe();
        let finished;
        for (let waited = 0; !finished && waited < 5000; waited += 20) {
          await new Promise(resolve => setTimeout(resolve, 20));
          finished = proxy.logs.find(line => line.event === 'finished');
        }
        expect(finished?.metered).withContext(JSON.stringify(proxy.logs)).toBeFalse();
        // The text's few hundred bytes at four a token, the image at 5000: nowhere near its 100,000 base64 quarters.
        expect(finished?.tokens).toBeGreaterThanOrEqual(TOKENS_PER_IMAGE);
        expect(finished?.tokens).toBeLessThan(TOKENS_PER_IMAGE + 1000);
      });
    });
  }
});
