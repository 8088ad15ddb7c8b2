import {
  cascade,
  defineLlmProvider,
  type Llm,
  LlmConfigurationError,
  type LlmProviderDefinition,
  type LlmProviderOptions,
  LlmPriceTable,
  NO_TOKENS,
  preloadLlm,
  wrapLlm,
} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';
import {lastValueFrom, toArray} from 'rxjs';

/** A fake SDK whose client counts how often it is built and how many requests it sends. */
class FakeClient {
  requests = 0;
  constructor(readonly apiKey: string) {}
  async *answer(): AsyncIterable<string> {
    this.requests++;
    yield 'Hi';
  }
}
const fakeSdk = {FakeClient};
type FakeSdk = typeof fakeSdk;

/** A provider over the fake SDK, with spies on its SDK load, client construction and requests. */
function fakeProvider(loadSdk: () => Promise<FakeSdk> = () => Promise.resolve(fakeSdk)) {
  const spies = {
    loadSdk: jasmine.createSpy('loadSdk').and.callFake(loadSdk),
    createClient: jasmine.createSpy('createClient').and.callFake((sdk: FakeSdk, options: {apiKey: string}) => {
      return new sdk.FakeClient(options.apiKey);
    }),
    open: jasmine.createSpy('open'),
  };
  const definition: LlmProviderDefinition<LlmProviderOptions, FakeSdk, FakeClient, string> = {
    name: 'acme-preload',
    sdkPackage: '@acme/preload-sdk',
    exampleModel: 'acme-1',
    loadSdk: spies.loadSdk,
    createClient: spies.createClient,
    open: async ({client}) => {
      spies.open();
      return {
        events: client.answer(),
        mapper: {
          next: text => ({type: 'text-delta', text}),
          end: () => ({type: 'finish', tokens: NO_TOKENS, finishReason: {unified: 'stop', raw: 'stop'}}),
        },
      };
    },
    mapError: () => undefined,
  };
  const priceTable = LlmPriceTable.default.withPrices('acme-preload', {
    'acme-1': {inputPerMillion: 1, outputPerMillion: 1},
    'acme-2': {inputPerMillion: 1, outputPerMillion: 1},
  });
  const {create} = defineLlmProvider(definition);
  return {spies, create: (model = 'acme-1') => create(model, {priceTable, apiKey: 'sk-test-preload'})};
}

describe('preloadLlm', () => {
  it("loads a defined provider's SDK and builds the model's client, sending nothing", async () => {
    const {spies, create} = fakeProvider();
    const llm = create();
    await preloadLlm(llm);
    expect(spies.loadSdk).toHaveBeenCalledTimes(1);
    expect(spies.createClient).toHaveBeenCalledTimes(1);
    expect(spies.open).not.toHaveBeenCalled();
  });

  it('is idempotent, and the first call reuses what it loaded', async () => {
    const {spies, create} = fakeProvider();
    const llm = create();
    await Promise.all([preloadLlm(llm), preloadLlm(llm)]);
    await preloadLlm(llm);
    await lastValueFrom(llm.stream({userPrompt: 'hi'}).pipe(toArray()));
    expect(spies.loadSdk).toHaveBeenCalledTimes(1);
    expect(spies.createClient).toHaveBeenCalledTimes(1);
    expect(spies.open).toHaveBeenCalledTimes(1);
  });

  it("builds the key's client with the key, but never shows it", async () => {
    const {spies, create} = fakeProvider();
    await preloadLlm(create());
    const client = spies.createClient.calls.mostRecent().returnValue as FakeClient;
    expect(client.apiKey).toBe('sk-test-preload');
    expect(client.requests).toBe(0);
  });

  it('rejects with an LlmConfigurationError naming the package when the SDK cannot load, and tries again later', async () => {
    let failures = 1;
    const {spies, create} = fakeProvider(() =>
      failures-- > 0 ? Promise.reject(new Error('chunk load failed')) : Promise.resolve(fakeSdk),
    );
    const llm = create();
    const error = await preloadLlm(llm).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(LlmConfigurationError.isInstance(error)).toBeTrue();
    expect((error as Error).message).toContain('npm install @acme/preload-sdk');
    await preloadLlm(llm);
    expect(spies.loadSdk).toHaveBeenCalledTimes(2);
    expect(spies.createClient).toHaveBeenCalledTimes(1);
  });

  it('preloads through wrapLlm() wrappers, wrappers of wrappers included', async () => {
    const {spies, create} = fakeProvider();
    const wrapped = wrapLlm(
      wrapLlm(create(), (request, stream) => stream(request)),
      (request, stream) => stream(request),
    );
    await preloadLlm(wrapped);
    expect(spies.createClient).toHaveBeenCalledTimes(1);
  });

  it('preloads every child of a cascade, and of a wrapped cascade', async () => {
    const {spies, create} = fakeProvider();
    const robust = cascade([create('acme-1'), wrapLlm(create('acme-2'), (request, stream) => stream(request))]);
    await preloadLlm(wrapLlm(robust, (request, stream) => stream(request)));
    expect(spies.loadSdk).toHaveBeenCalledTimes(1);
    expect(spies.createClient).toHaveBeenCalledTimes(2);
    expect(spies.open).not.toHaveBeenCalled();
  });

  it('resolves at once for a model without preload()', async () => {
    const llm = new MockLlm({script: {chunks: ['Hi']}});
    await expectAsync(preloadLlm(llm)).toBeResolvedTo(undefined);
    expect(llm.subscriptions).toBe(0);
  });

  it("rejects, rather than throws, when a model's own preload() throws", async () => {
    const llm: Llm = {
      ...new MockLlm({script: {}}),
      stream: () => {
        throw new Error('unused');
      },
      preload: () => {
        throw new LlmConfigurationError('llm-rx: no SDK');
      },
    };
    let thrown: unknown;
    const preloaded = (() => {
      try {
        return preloadLlm(llm);
      } catch (error) {
        thrown = error;
        return undefined;
      }
    })();
    expect(thrown).toBeUndefined();
    await expectAsync(preloaded).toBeRejectedWithError(/no SDK/);
  });
});
