import {
  BENCH_MODELS,
  BENCH_PROMPT,
  type BenchProtocol,
  type ConsumerTarget,
  SCENARIO_HEADER,
  type StreamConsumer,
  TextCollector,
} from './consumer';

/** The protocols the Vercel AI SDK is benchmarked on (the packages installed: `@ai-sdk/openai`, `@ai-sdk/anthropic`). */
export const VERCEL_PROTOCOLS: readonly BenchProtocol[] = ['openai-chat', 'openai-responses', 'anthropic'];

/**
 * The Vercel AI SDK's `streamText()` for a protocol, reading `textStream` and the `usage` promise.
 * @param protocol `openai-chat`, `openai-responses` or `anthropic`.
 * @param target The mock server.
 * @returns The consumer.
 */
export async function vercelConsumer(protocol: BenchProtocol, {baseUrl}: ConsumerTarget): Promise<StreamConsumer> {
  const {streamText} = await import('ai');
  const modelId = BENCH_MODELS[protocol];
  let model;
  if (protocol === 'anthropic') {
    const {createAnthropic} = await import('@ai-sdk/anthropic');
    model = createAnthropic({apiKey: 'bench', baseURL: `${baseUrl}/v1`})(modelId);
  } else if (protocol === 'openai-chat' || protocol === 'openai-responses') {
    const {createOpenAI} = await import('@ai-sdk/openai');
    const provider = createOpenAI({apiKey: 'bench', baseURL: `${baseUrl}/v1`});
    model = protocol === 'openai-chat' ? provider.chat(modelId) : provider.responses(modelId);
  } else {
    throw new Error(`bench: no Vercel AI SDK provider installed for ${protocol}`);
  }
  return {
    protocol,
    library: 'Vercel AI SDK',
    run: async scenario => {
      const collector = new TextCollector();
      const result = streamText({
        model,
        prompt: BENCH_PROMPT,
        maxRetries: 0,
        headers: {[SCENARIO_HEADER]: scenario},
        onError: () => undefined,
      });
      for await (const text of result.textStream) collector.add(text);
      const usage = await result.usage;
      return collector.result(usage.inputTokens ?? 0, usage.outputTokens ?? 0);
    },
  };
}
