import {
  BENCH_MODELS,
  BENCH_PROMPT,
  type BenchProtocol,
  type ConsumerTarget,
  SCENARIO_HEADER,
  type StreamConsumer,
  TextCollector,
} from './consumer';

/** The protocols LangChain.js is benchmarked on (the package installed: `@langchain/openai`). */
export const LANGCHAIN_PROTOCOLS: readonly BenchProtocol[] = ['openai-chat', 'openai-responses'];

/**
 * LangChain.js `ChatOpenAI` (`streaming: true`, `streamUsage: true`) for a protocol, reading `.stream()` chunks'
 * text and `usage_metadata`. The scenario is fixed when the model is built, as LangChain takes headers there.
 * @param protocol `openai-chat` or `openai-responses` (`useResponsesApi`).
 * @param target The mock server.
 * @returns The consumer.
 */
export async function langChainConsumer(protocol: BenchProtocol, {baseUrl}: ConsumerTarget): Promise<StreamConsumer> {
  if (protocol !== 'openai-chat' && protocol !== 'openai-responses') {
    throw new Error(`bench: no LangChain.js provider installed for ${protocol}`);
  }
  const {ChatOpenAI} = await import('@langchain/openai');
  const models = new Map<string, InstanceType<typeof ChatOpenAI>>();
  const modelFor = (scenario: string) => {
    let model = models.get(scenario);
    if (!model) {
      model = new ChatOpenAI({
        model: BENCH_MODELS[protocol],
        apiKey: 'bench',
        streaming: true,
        streamUsage: true,
        maxRetries: 0,
        useResponsesApi: protocol === 'openai-responses',
        configuration: {baseURL: `${baseUrl}/v1`, defaultHeaders: {[SCENARIO_HEADER]: scenario}},
      });
      models.set(scenario, model);
    }
    return model;
  };
  return {
    protocol,
    library: 'LangChain.js',
    run: async scenario => {
      const collector = new TextCollector();
      let inputTokens = 0;
      let outputTokens = 0;
      for await (const chunk of await modelFor(scenario).stream(BENCH_PROMPT)) {
        const text = chunk.text;
        if (text) collector.add(text);
        if (chunk.usage_metadata) {
          inputTokens += chunk.usage_metadata.input_tokens;
          outputTokens += chunk.usage_metadata.output_tokens;
        }
      }
      return collector.result(inputTokens, outputTokens);
    },
  };
}
