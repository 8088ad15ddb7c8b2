import type {Llm, LlmChunk} from 'llm-rx';
import {
  BENCH_MODELS,
  BENCH_PROMPT,
  type BenchProtocol,
  type ConsumerTarget,
  SCENARIO_HEADER,
  type StreamConsumer,
  TextCollector,
} from './consumer';

/**
 * llm-rx's `stream()` for a protocol, with the adapter's defaults (first-chunk and idle timeouts, usage and
 * pricing all in place), subscribed the way an app would. The SDK is loaded before it returns.
 * @param protocol The wire protocol.
 * @param target The mock server.
 * @returns The consumer.
 */
export async function llmRxConsumer(protocol: BenchProtocol, target: ConsumerTarget): Promise<StreamConsumer> {
  const llm = await createBenchLlm(protocol, target.baseUrl);
  return {protocol, library: 'llm-rx', run: scenario => streamThrough(llm, scenario)};
}

/**
 * Creates the llm-rx model for a protocol, pointed at the mock server.
 * @param protocol The wire protocol.
 * @param baseUrl The mock server's base URL.
 * @param headers Extra headers for every request, e.g. a fixed scenario.
 * @returns The model.
 */
export async function createBenchLlm(
  protocol: BenchProtocol,
  baseUrl: string,
  headers?: Readonly<Record<string, string>>,
): Promise<Llm> {
  const model = BENCH_MODELS[protocol];
  const common = {apiKey: 'bench', ...(headers && {headers})};
  switch (protocol) {
    case 'openai-chat':
    case 'openai-responses': {
      const {createOpenAiLlm} = await import('llm-rx/openai');
      const api = protocol === 'openai-chat' ? 'chat' : 'responses';
      return createOpenAiLlm(model, {...common, baseURL: `${baseUrl}/v1`, api});
    }
    case 'deepseek': {
      const {createDeepSeekLlm} = await import('llm-rx/deepseek');
      return createDeepSeekLlm(model, {...common, baseURL: `${baseUrl}/deepseek`});
    }
    case 'anthropic': {
      const {createAnthropicLlm} = await import('llm-rx/anthropic');
      return createAnthropicLlm(model, {...common, baseURL: baseUrl});
    }
    case 'gemini': {
      const {createGeminiLlm} = await import('llm-rx/gemini');
      return createGeminiLlm(model, {...common, baseURL: baseUrl});
    }
    case 'cohere': {
      const {createCohereLlm} = await import('llm-rx/cohere');
      return createCohereLlm(model, {...common, baseURL: baseUrl});
    }
  }
}

/**
 * Subscribes to one `stream()` and collects text and usage, as an app's subscriber does.
 * @param llm The model.
 * @param scenario The mock scenario, or `undefined` to send none per request.
 * @returns What the subscriber saw.
 */
export function streamThrough(llm: Llm, scenario: string | undefined): Promise<ReturnType<TextCollector['result']>> {
  return new Promise((resolve, reject) => {
    const collector = new TextCollector();
    let usage: Extract<LlmChunk, {type: 'usage'}>['usage'] | undefined;
    llm
      .stream({userPrompt: BENCH_PROMPT, ...(scenario !== undefined && {headers: {[SCENARIO_HEADER]: scenario}})})
      .subscribe({
        next: chunk => {
          if (chunk.type === 'text-delta') collector.add(chunk.text);
          else if (chunk.type === 'usage') usage = chunk.usage;
        },
        error: reject,
        complete: () => {
          if (!usage) reject(new Error('bench: llm-rx completed without usage'));
          else resolve(collector.result(usage.inputTokens, usage.outputTokens));
        },
      });
  });
}
