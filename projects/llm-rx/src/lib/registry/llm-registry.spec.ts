import {recordingProvider} from '@llm-rx/spec-support';
import {LlmConfigurationError} from '../errors/llm-configuration-error';
import type {LlmProviderOptions} from '../provider/llm-provider-options';
import {
  createLlm,
  createLlmRegistry,
  type LlmProvider,
  registeredLlmProviders,
  registerLlmProvider,
} from './llm-registry';

describe('llm registry', () => {
  const unregisters: (() => void)[] = [];
  const register = (provider: LlmProvider) => {
    const unregister = registerLlmProvider(provider);
    unregisters.push(unregister);
    return unregister;
  };

  afterEach(() => {
    unregisters.splice(0).forEach(unregister => unregister());
  });

  it('says that no provider is registered yet, and how to register one', () => {
    // Precondition: no spec leaves a provider registered.
    expect(registeredLlmProviders()).toEqual([]);
    let caught: unknown;
    try {
      createLlm('openai', 'gpt-test');
    } catch (error) {
      caught = error;
    }
    expect(LlmConfigurationError.isInstance(caught)).toBeTrue();
    const message = (caught as Error).message;
    expect(message).toContain('unknown provider "openai"');
    expect(message).toContain('No provider is registered yet');
    expect(message).toContain('registerLlmProvider(');
  });

  it('lists the registered providers, sorted, when the provider is unknown', () => {
    register(recordingProvider('zeta-test'));
    register(recordingProvider('alpha-test'));
    expect(registeredLlmProviders()).toEqual(['alpha-test', 'zeta-test']);
    expect(() => createLlm('openai', 'gpt-test')).toThrowMatching(
      error =>
        LlmConfigurationError.isInstance(error) &&
        error.message.includes('unknown provider "openai"') &&
        error.message.includes('Registered providers: alpha-test, zeta-test.'),
    );
  });

  it('creates a model through the registered provider with the options', () => {
    const provider = recordingProvider('fake-test');
    register(provider);
    const options: LlmProviderOptions = {apiKeyAlias: 'team', idleTimeoutMs: null};
    const llm = createLlm('fake-test', 'model-1', options);
    expect(llm.provider).toBe('fake-test');
    expect(llm.model).toBe('model-1');
    expect(provider.created).toEqual([{model: 'model-1', options}]);
  });

  it('unregisters a provider with the returned function', () => {
    const unregister = register(recordingProvider('fake-test'));
    expect(registeredLlmProviders()).toContain('fake-test');
    unregister();
    expect(registeredLlmProviders()).not.toContain('fake-test');
    expect(() => createLlm('fake-test', 'model-1')).toThrowMatching(error => LlmConfigurationError.isInstance(error));
  });

  it('keeps a provider registered again under the same name when the older registration is undone', () => {
    const older = recordingProvider('fake-test');
    const newer = recordingProvider('fake-test');
    const unregisterOlder = register(older);
    register(newer);
    unregisterOlder();
    createLlm('fake-test', 'model-1');
    expect(newer.created.length).toBe(1);
    expect(older.created.length).toBe(0);
  });

  for (const model of ['', '   ']) {
    it(`rejects the empty model id ${JSON.stringify(model)} without calling the provider`, () => {
      const provider = recordingProvider('fake-test');
      register(provider);
      expect(() => createLlm('fake-test', model)).toThrowMatching(
        error => LlmConfigurationError.isInstance(error) && error.message.includes('needs a model id'),
      );
      expect(provider.created).toEqual([]);
    });
  }

  it('keeps registries made by createLlmRegistry() apart from each other and from the default one', () => {
    const first = createLlmRegistry();
    const second = createLlmRegistry();
    const provider = recordingProvider('own-test');
    first.register(provider);
    expect(first.providers()).toEqual(['own-test']);
    expect(second.providers()).toEqual([]);
    expect(registeredLlmProviders()).toEqual([]);
    expect(first.create('own-test', 'model-1').provider).toBe('own-test');
    expect(() => second.create('own-test', 'model-1')).toThrowMatching(
      error => LlmConfigurationError.isInstance(error) && error.message.includes('No provider is registered yet'),
    );
    expect(() => createLlm('own-test', 'model-1')).toThrowMatching(error => LlmConfigurationError.isInstance(error));
  });
});
