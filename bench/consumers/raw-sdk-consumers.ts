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
 * The raw SDK's own stream loop for a protocol: the SDK's streaming call and a `for await` that keeps the text
 * and the usage, which is the least any app does. The client is built (and the SDK loaded) before it returns.
 * @param protocol The wire protocol.
 * @param target The mock server.
 * @returns The consumer.
 */
export async function rawSdkConsumer(protocol: BenchProtocol, target: ConsumerTarget): Promise<StreamConsumer> {
  const run = await rawRunner(protocol, target);
  return {protocol, library: 'raw SDK', run};
}

type Runner = StreamConsumer['run'];

async function rawRunner(protocol: BenchProtocol, {baseUrl}: ConsumerTarget): Promise<Runner> {
  const model = BENCH_MODELS[protocol];
  const messages = [{role: 'user' as const, content: BENCH_PROMPT}];
  switch (protocol) {
    case 'openai-chat':
    case 'deepseek': {
      const {OpenAI} = await import('openai');
      const path = protocol === 'deepseek' ? '/deepseek' : '/v1';
      const client = new OpenAI({
        apiKey: 'bench',
        baseURL: baseUrl + path,
        maxRetries: 0,
        dangerouslyAllowBrowser: true,
      });
      return async scenario => {
        const collector = new TextCollector();
        let usage = {prompt_tokens: 0, completion_tokens: 0};
        const stream = await client.chat.completions.create(
          {model, messages, stream: true, stream_options: {include_usage: true}},
          {headers: {[SCENARIO_HEADER]: scenario}},
        );
        for await (const chunk of stream) {
          const text = chunk.choices[0]?.delta?.content;
          if (text) collector.add(text);
          if (chunk.usage) usage = chunk.usage;
        }
        return collector.result(usage.prompt_tokens, usage.completion_tokens);
      };
    }
    case 'openai-responses': {
      const {OpenAI} = await import('openai');
      const client = new OpenAI({
        apiKey: 'bench',
        baseURL: `${baseUrl}/v1`,
        maxRetries: 0,
        dangerouslyAllowBrowser: true,
      });
      return async scenario => {
        const collector = new TextCollector();
        let usage = {input_tokens: 0, output_tokens: 0};
        const stream = await client.responses.create(
          {model, input: BENCH_PROMPT, stream: true},
          {headers: {[SCENARIO_HEADER]: scenario}},
        );
        for await (const event of stream) {
          if (event.type === 'response.output_text.delta') collector.add(event.delta);
          else if (event.type === 'response.completed' && event.response.usage) usage = event.response.usage;
        }
        return collector.result(usage.input_tokens, usage.output_tokens);
      };
    }
    case 'anthropic': {
      const {default: Anthropic} = await import('@anthropic-ai/sdk');
      const client = new Anthropic({apiKey: 'bench', baseURL: baseUrl, maxRetries: 0, dangerouslyAllowBrowser: true});
      return async scenario => {
        const collector = new TextCollector();
        let inputTokens = 0;
        let outputTokens = 0;
        const stream = await client.messages.create(
          {model, max_tokens: 1_000_000, messages, stream: true},
          {headers: {[SCENARIO_HEADER]: scenario}},
        );
        for await (const event of stream) {
          if (event.type === 'content_block_delta' && event.delta.type === 'text_delta')
            collector.add(event.delta.text);
          else if (event.type === 'message_start') inputTokens = event.message.usage.input_tokens;
          else if (event.type === 'message_delta') outputTokens = event.usage.output_tokens;
        }
        return collector.result(inputTokens, outputTokens);
      };
    }
    case 'gemini': {
      const {GoogleGenAI} = await import('@google/genai');
      const client = new GoogleGenAI({apiKey: 'bench', httpOptions: {baseUrl}});
      return async scenario => {
        const collector = new TextCollector();
        let inputTokens = 0;
        let outputTokens = 0;
        const stream = await client.models.generateContentStream({
          model,
          contents: BENCH_PROMPT,
          config: {httpOptions: {headers: {[SCENARIO_HEADER]: scenario}}},
        });
        for await (const chunk of stream) {
          const text = chunk.text;
          if (text) collector.add(text);
          if (chunk.usageMetadata) {
            inputTokens = chunk.usageMetadata.promptTokenCount ?? 0;
            outputTokens = chunk.usageMetadata.candidatesTokenCount ?? 0;
          }
        }
        return collector.result(inputTokens, outputTokens);
      };
    }
    case 'cohere': {
      const cohere = await import('cohere-ai');
      const client = new cohere.CohereClientV2({token: 'bench', baseUrl});
      return async scenario => {
        const collector = new TextCollector();
        let inputTokens = 0;
        let outputTokens = 0;
        const stream = await client.chatStream(
          {model, messages},
          {maxRetries: 0, headers: {[SCENARIO_HEADER]: scenario}},
        );
        for await (const event of stream) {
          if (event.type === 'content-delta') {
            const text = event.delta?.message?.content?.text;
            if (text) collector.add(text);
          } else if (event.type === 'message-end') {
            const usage = event.delta?.usage;
            inputTokens = usage?.billedUnits?.inputTokens ?? usage?.tokens?.inputTokens ?? 0;
            outputTokens = usage?.billedUnits?.outputTokens ?? usage?.tokens?.outputTokens ?? 0;
          }
        }
        return collector.result(inputTokens, outputTokens);
      };
    }
  }
}
