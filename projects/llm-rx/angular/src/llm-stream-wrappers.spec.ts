// Retries and logging wrap models; these specs check that each wrapper keeps what the others rely on: whether the
// model is a cascade (a cascade is never retried as a whole) and its key fingerprint (its rows' key hash).
import {provideZonelessChangeDetection} from '@angular/core';
import {TestBed} from '@angular/core/testing';
import {cascade, collectResponse, createLlmKeyFingerprint, isCascade, type Llm, LlmProviderError} from 'llm-rx';
import {createLlmCallLog, type LlmCallLog, loggedLlm} from 'llm-rx/logging';
import {MockLlm} from 'llm-rx/testing';
import Dexie from 'dexie';
import {firstValueFrom, lastValueFrom} from 'rxjs';
import {_LlmModels} from './llm-models';
import {LlmStream} from './llm-stream';
import {type LlmFeature, provideLlm, withCascade, withLogging, withModel, withRetry} from './provide-llm';

const overloaded = () => new LlmProviderError('overloaded', {provider: 'mock-provider', statusCode: 503});

describe('LlmStream with retry and logging wrappers', () => {
  let databaseName: string;
  let log: LlmCallLog;

  beforeEach(() => {
    databaseName = `llm-rx-angular-wrappers-spec-${Math.random().toString(36).slice(2)}`;
    log = createLlmCallLog({databaseName, flushIntervalMs: 10});
  });

  afterEach(async () => {
    await log.close();
    // A closed connection counts as open until its last transaction commits.
    await new Promise(resolve => setTimeout(resolve, 0));
    await Dexie.delete(databaseName);
  });

  function setUp(...features: LlmFeature[]): LlmStream {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideLlm(
          withRetry({count: 1, initialDelayMs: 1}),
          withLogging(loggedLlm, () => ({log})),
          ...features,
        ),
      ],
    });
    return TestBed.inject(LlmStream);
  }

  async function rows(): Promise<{status: string; apiKeyHash: string | null; apiKeyAlias: string | null}[]> {
    await log.flush();
    // In attempt order: a retry may start in the same millisecond as the attempt it follows.
    return (await log.database.calls.toCollection().sortBy('attemptIndex')).map(
      ({status, apiKeyHash, apiKeyAlias}) => ({
        status,
        apiKeyHash,
        apiKeyAlias,
      }),
    );
  }

  it('does not retry a logged cascade given as llm as a whole', async () => {
    // A child whose retryable error ends the cascade: only a retry of the whole cascade would ask it again.
    const child = new MockLlm({script: {error: overloaded()}});
    const logged = loggedLlm(cascade([child], {shouldFailOver: () => false}), {log});
    expect(isCascade(logged)).toBeTrue();
    const error = await lastValueFrom(setUp().stream({userPrompt: 'Hi'}, {llm: logged})).then(
      () => fail('expected an error'),
      (caught: unknown) => caught,
    );
    expect(LlmProviderError.isInstance(error)).toBeTrue();
    expect(child.subscriptions).toBe(1);
  });

  it("retries a logged cascade's children, each retry logged as an attempt", async () => {
    const flaky = new MockLlm({script: [{error: overloaded()}, {chunks: ['ok']}]});
    const fallback = new MockLlm({script: {chunks: ['fallback']}});
    const stream = setUp(withModel('flaky', flaky), withCascade('robust', ['flaky', fallback]));
    const response = await firstValueFrom(stream.stream({userPrompt: 'Hi'}, {model: 'robust'}).pipe(collectResponse()));
    expect(response.content).toBe('ok');
    expect([flaky.subscriptions, fallback.subscriptions]).toEqual([2, 0]);
    expect((await rows()).map(row => row.status)).toEqual(['error', 'ok']);
  });

  it('keeps the key fingerprint of a retried model, so that its logged rows carry the key hash', async () => {
    const keyFingerprint = createLlmKeyFingerprint('sk-test-wrapped-1234567890', 'team');
    const llm: Llm = Object.assign(new MockLlm({script: {chunks: ['ok']}}), {keyFingerprint});
    const stream = setUp();
    await firstValueFrom(stream.stream({userPrompt: 'Hi'}, {llm}).pipe(collectResponse()));
    const hash = await keyFingerprint.hash();
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(await rows()).toEqual([{status: 'ok', apiKeyHash: hash, apiKeyAlias: 'team'}]);
  });

  it('keeps the key fingerprint of a logged model through the retry', () => {
    setUp();
    const keyFingerprint = createLlmKeyFingerprint('sk-test-wrapped-1234567890', 'team');
    const logged = loggedLlm(Object.assign(new MockLlm({script: {}}), {keyFingerprint}), {log});
    expect(TestBed.inject(_LlmModels).retried(logged).keyFingerprint).toBe(keyFingerprint);
  });
});
