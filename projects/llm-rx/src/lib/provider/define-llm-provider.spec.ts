import {firstValueFrom, lastValueFrom, toArray} from 'rxjs';
import type {LlmChunk} from '../chunk/llm-chunk';
import {LlmConfigurationError} from '../errors/llm-configuration-error';
import {LlmError} from '../errors/llm-error';
import {LlmProviderError} from '../errors/llm-provider-error';
import {LlmTimeoutError} from '../errors/llm-timeout-error';
import {LlmPriceTable} from '../pricing/llm-price-table';
import type {ProviderEventMapper} from './provider-event-mapper';
import {NO_TOKENS} from '../usage/llm-usage';
import {defineLlmProvider, type LlmProviderDefinition, type LlmProviderErrorContext} from './define-llm-provider';
import type {LlmProviderCall} from './llm-provider-call';
import {type LlmProviderOptions, PLACEHOLDER_API_KEY} from './llm-provider-options';

interface FakeOptions extends LlmProviderOptions {
  readonly region?: string;
}

/** The fake SDK's stream events, in its own shape. */
type FakeEvent = {readonly delta: string} | {readonly stop: string; readonly promptTokens: number};

/** A fake SDK: its client records the key it was built with and streams a scripted answer. */
class FakeClient {
  static built: FakeClient[] = [];
  constructor(readonly apiKey: string) {
    FakeClient.built.push(this);
  }
  async *answer(text: string): AsyncIterable<FakeEvent> {
    yield {delta: text};
    yield {stop: 'end', promptTokens: 1_000_000};
  }
}

/** The adapter's mapper of the fake SDK's events. */
function fakeMapper(): ProviderEventMapper<FakeEvent> {
  return {
    next: event =>
      'delta' in event
        ? {type: 'text-delta', text: event.delta}
        : {
            type: 'finish',
            tokens: {...NO_TOKENS, inputTokens: event.promptTokens},
            finishReason: {unified: 'stop', raw: event.stop},
          },
  };
}
const fakeSdk = {FakeClient};
type FakeSdk = typeof fakeSdk;

function fakeDefinition(
  overrides: Partial<LlmProviderDefinition<FakeOptions, FakeSdk, FakeClient, FakeEvent>> = {},
): LlmProviderDefinition<FakeOptions, FakeSdk, FakeClient, FakeEvent> {
  return {
    name: 'acme-ai',
    sdkPackage: '@acme/sdk',
    exampleModel: 'acme-1',
    loadSdk: () => Promise.resolve(fakeSdk),
    createClient: (sdk, options) => new sdk.FakeClient(options.apiKey),
    open: async ({client, request}) => ({
      events: client.answer(`answer to ${request.userPrompt}`),
      mapper: fakeMapper(),
    }),
    mapError: error => (LlmError.isInstance(error) ? error : undefined),
    checkOptions: options => ({priceTable: ACME_PRICES, ...options}),
    ...overrides,
  };
}

// Priced, so that the usage of these fake models needs no warning about a missing price.
const ACME_PRICES = LlmPriceTable.default.withPrices('acme-ai', {
  'acme-1': {inputPerMillion: 1, outputPerMillion: 1},
  'acme-2': {inputPerMillion: 1, outputPerMillion: 1},
});
const request = {userPrompt: 'hi'};
const text = (chunks: LlmChunk[]) => chunks.map(chunk => (chunk.type === 'text-delta' ? chunk.text : '')).join('');

describe('defineLlmProvider', () => {
  beforeEach(() => (FakeClient.built = []));

  it('returns a provider for the registry and its create function, which loads nothing yet', () => {
    const loadSdk = jasmine.createSpy('loadSdk').and.resolveTo(fakeSdk);
    const acme = defineLlmProvider(fakeDefinition({loadSdk}));
    expect(acme.provider.name).toBe('acme-ai');
    const llm = acme.provider.create('acme-1');
    expect([llm.provider, llm.model]).toEqual(['acme-ai', 'acme-1']);
    llm.stream(request);
    expect(loadSdk).not.toHaveBeenCalled();
  });

  it('rejects an empty model id with the create function name and an example model', () => {
    const isEmptyModelError = (name: string) => (error: unknown) =>
      LlmConfigurationError.isInstance(error) && error.message === `llm-rx: ${name}() needs a model id, e.g. "acme-1".`;
    expect(() => defineLlmProvider(fakeDefinition()).create(' ')).toThrowMatching(isEmptyModelError('createAcmeAiLlm'));
    expect(() => defineLlmProvider(fakeDefinition({createFunctionName: 'createACMELlm'})).create('')).toThrowMatching(
      isEmptyModelError('createACMELlm'),
    );
  });

  it('checks the options at creation and passes the checked ones on', async () => {
    const open = jasmine.createSpy('open').and.callFake(async ({client}: LlmProviderCall<FakeClient>) => ({
      events: client.answer('ok'),
      mapper: fakeMapper(),
    }));
    const acme = defineLlmProvider(
      fakeDefinition({
        open,
        checkOptions: options => {
          if (options.region === 'mars') throw new LlmConfigurationError('llm-rx: no such region');
          return {...options, region: options.region ?? 'eu', priceTable: ACME_PRICES};
        },
      }),
    );
    expect(() => acme.create('acme-1', {region: 'mars'})).toThrowMatching(LlmConfigurationError.isInstance);
    await lastValueFrom(acme.create('acme-1', {idleTimeoutMs: null}).stream(request));
    expect(open.calls.mostRecent().args[0].options).toEqual({
      idleTimeoutMs: null,
      region: 'eu',
      priceTable: ACME_PRICES,
    });
  });

  it("converts a request's tool and output schemas to JSON Schema once per call, and gives them to open", async () => {
    let conversions = 0;
    const schema = {
      '~standard': {
        version: 1,
        vendor: 'spec',
        validate: (value: unknown) => ({value}),
        jsonSchema: {
          input: () => {
            conversions++;
            return {type: 'object', properties: {city: {type: 'string'}}};
          },
          output: () => ({type: 'object'}),
        },
      },
    } as const;
    let seen: LlmProviderCall<FakeClient, FakeOptions> | undefined;
    const acme = defineLlmProvider(
      fakeDefinition({
        open: async call => {
          seen = call;
          return {events: call.client.answer('{"city": "Paris"}'), mapper: fakeMapper()};
        },
      }),
    );
    await lastValueFrom(
      acme.create('acme-1').stream({userPrompt: 'Hi', tools: [{name: 'weather', inputSchema: schema}]}),
    );
    expect(conversions).toBe(1);
    expect(seen?.tools?.[0].jsonSchema).toEqual({type: 'object', properties: {city: {type: 'string'}}});
    await lastValueFrom(acme.create('acme-1').stream({userPrompt: 'Hi', output: {schema}}));
    expect(conversions).toBe(2);
    expect(seen?.output?.name).toBe('response');
  });

  it('loads the SDK once for all models, and builds one client per model with the key or the placeholder', async () => {
    const loadSdk = jasmine.createSpy('loadSdk').and.resolveTo(fakeSdk);
    const acme = defineLlmProvider(fakeDefinition({loadSdk}));
    const withKey = acme.create('acme-1', {apiKey: 'sk-acme-secret-1'});
    const proxied = acme.create('acme-2');
    const answers = await Promise.all(
      [withKey, withKey, proxied, proxied].map(llm => lastValueFrom(llm.stream(request).pipe(toArray()))),
    );
    expect(answers.map(text)).toEqual(Array(4).fill('answer to hi'));
    expect(loadSdk).toHaveBeenCalledTimes(1);
    expect(FakeClient.built.map(client => client.apiKey)).toEqual(['sk-acme-secret-1', PLACEHOLDER_API_KEY]);
  });

  it('names the package to install when the SDK cannot load, and tries again at the next subscription', async () => {
    const missing = new Error('Cannot find module @acme/sdk');
    const loadSdk = jasmine.createSpy('loadSdk').and.returnValues(Promise.reject(missing), Promise.resolve(fakeSdk));
    const llm = defineLlmProvider(fakeDefinition({loadSdk})).create('acme-1');
    const failure: unknown = await lastValueFrom(llm.stream(request)).catch((error: unknown) => error);
    expect(LlmConfigurationError.isInstance(failure)).toBeTrue();
    expect((failure as Error).message).toContain('npm install @acme/sdk');
    expect((failure as Error).message).toContain('the acme-ai provider');
    expect((failure as Error).cause).toBe(missing);
    expect(text(await lastValueFrom(llm.stream(request).pipe(toArray())))).toBe('answer to hi');
    expect(loadSdk).toHaveBeenCalledTimes(2);
  });

  it('maps errors with the provider, model, loaded SDK and key', async () => {
    const contexts: LlmProviderErrorContext<FakeSdk>[] = [];
    const acme = defineLlmProvider(
      fakeDefinition({
        open: () => Promise.reject(new Error('HTTP 503')),
        mapError: (error, context) => {
          contexts.push(context);
          return new LlmProviderError(`mapped: ${(error as Error).message}`, {provider: context.provider});
        },
      }),
    );
    const failure = await lastValueFrom(acme.create('acme-1', {apiKey: 'sk-acme-secret-2'}).stream(request)).catch(
      (error: unknown) => error,
    );
    expect((failure as Error).message).toBe('mapped: HTTP 503');
    expect(contexts).toEqual([{provider: 'acme-ai', model: 'acme-1', sdk: fakeSdk}]);
  });

  it("gives open the call resolved: the model's provider name, its providerOptions slice, merged headers", async () => {
    const calls: LlmProviderCall<FakeClient, FakeOptions>[] = [];
    const acme = defineLlmProvider(
      fakeDefinition({
        providerNameOf: options => options.region ?? 'acme-ai',
        open: async call => {
          calls.push(call);
          return {events: call.client.answer('{"city": "Paris"}'), mapper: fakeMapper()};
        },
      }),
    );
    const llm = acme.create('acme-1', {region: 'acme-eu', headers: {'X-Tag': 'options', 'x-app': 'demo'}});
    await lastValueFrom(
      llm.stream({
        userPrompt: 'hi',
        headers: {'x-tag': 'request'},
        providerOptions: {'acme-eu': {seed: 7}, 'acme-ai': {seed: 1}},
      }),
    );
    const [call] = calls;
    expect([call.provider, call.model]).toEqual(['acme-eu', 'acme-1']);
    expect(call.providerOptions).toEqual({seed: 7});
    // One spelling of a name: the request's, over the options'.
    expect(call.headers).toEqual({'x-tag': 'request', 'x-app': 'demo'});
    expect(call.signal.aborted).toBeTrue();
  });

  it('warns once per model, whatever the number of requests', async () => {
    const warn = spyOn(console, 'warn');
    const acme = defineLlmProvider(
      fakeDefinition({
        open: async call => {
          call.warnOnce('sampling', `${call.model} ignores temperature`);
          return {events: call.client.answer('{"city": "Paris"}'), mapper: fakeMapper()};
        },
      }),
    );
    const first = acme.create('acme-1');
    for (const llm of [first, first, acme.create('acme-2')]) await lastValueFrom(llm.stream(request));
    expect(warn.calls.allArgs()).toEqual([['acme-1 ignores temperature'], ['acme-2 ignores temperature']]);
  });

  it('maps what mapError leaves: a dropped connection as one, anything else as a non-retryable error', async () => {
    const failWith = (error: unknown): Promise<LlmProviderError> =>
      lastValueFrom(
        defineLlmProvider(fakeDefinition({open: () => Promise.reject(error), mapError: () => undefined}))
          .create('acme-1')
          .stream(request),
      ).then(
        () => fail('expected an error') as never,
        (caught: unknown) => caught as LlmProviderError,
      );
    const dropped = await failWith(new TypeError('fetch failed'));
    expect([dropped.kind, dropped.isRetryable]).toEqual(['connection', true]);
    const unknown = await failWith(new RangeError('bad value'));
    expect([unknown.kind, unknown.isRetryable, unknown.message]).toEqual([
      'other',
      false,
      'llm-rx: the acme-ai call for acme-1 failed: bad value',
    ]);
  });

  it('names the models after providerNameOf, and prices usage with the options price table', async () => {
    const acme = defineLlmProvider(fakeDefinition({providerNameOf: options => options.region ?? 'acme-ai'}));
    const priceTable = LlmPriceTable.default.withPrices('acme-eu', {
      'acme-1': {inputPerMillion: 2, outputPerMillion: 8},
    });
    const llm = acme.create('acme-1', {region: 'acme-eu', priceTable});
    expect(llm.provider).toBe('acme-eu');
    const usage = await firstValueFrom(llm.stream(request).pipe(toArray()));
    const last = usage.at(-1);
    expect(last?.type === 'usage' && [last.usage.provider, last.usage.totalCost]).toEqual(['acme-eu', 2]);
  });

  it('applies the first-chunk timeout of the options', async () => {
    const acme = defineLlmProvider(
      fakeDefinition({
        // Never yields: only the timeout can end it.
        open: async ({signal}) => ({
          events: {
            [Symbol.asyncIterator]: () => ({
              next: () =>
                new Promise<IteratorResult<FakeEvent>>((_resolve, reject) =>
                  signal.addEventListener('abort', () => reject(signal.reason)),
                ),
            }),
          },
          mapper: fakeMapper(),
        }),
      }),
    );
    const failure = await lastValueFrom(acme.create('acme-1', {firstChunkTimeoutMs: 20}).stream(request)).catch(
      (error: unknown) => error,
    );
    expect(LlmTimeoutError.isInstance(failure)).toBeTrue();
    expect((failure as LlmTimeoutError).info.timeoutMs).toBe(20);
  });

  it('gives each model the fingerprint and alias of its key, and no property that reveals the key', async () => {
    const key = 'abc-DO-NOT-SHOW-0123456789';
    const llm = defineLlmProvider(fakeDefinition()).create('acme-1', {apiKey: key, apiKeyAlias: 'ci'});
    expect(llm.keyFingerprint?.alias).toBe('ci');
    expect(await llm.keyFingerprint?.hash()).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(llm)).not.toContain(key);
    expect(JSON.stringify(llm.keyFingerprint)).not.toContain(key);
    expect(await defineLlmProvider(fakeDefinition()).create('acme-1').keyFingerprint?.hash()).toBeNull();
  });
});
