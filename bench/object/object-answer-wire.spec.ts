import OpenAI from 'openai';
import {startMockProviderServer, type MockProviderServer} from '../../projects/mock-providers/src/mock-provider-server';
import {openAiChatWire} from '../../projects/mock-providers/src/wire/openai-chat-wire';
import {openAiResponsesWire} from '../../projects/mock-providers/src/wire/openai-responses-wire';
import {objectAnswerWire, objectBenchPrompt, objectBenchRecordsOf} from './object-answer-wire';
import {benchObject} from './object-fixture';

describe('objectBenchRecordsOf', () => {
  it('reads the item count of objectBenchPrompt() anywhere in a body', () => {
    expect(objectBenchRecordsOf({messages: [{role: 'user', content: objectBenchPrompt(260)}]})).toBe(260);
    expect(objectBenchRecordsOf({contents: [{parts: [{text: objectBenchPrompt(3)}]}]})).toBe(3);
    expect(objectBenchRecordsOf({messages: [{role: 'user', content: 'hi'}]})).toBeUndefined();
    expect(objectBenchRecordsOf(null)).toBeUndefined();
  });
});

// The real `openai` SDK reads what the wrapped wire sends.
describe('objectAnswerWire with the openai SDK', () => {
  let server: MockProviderServer;
  let client: OpenAI;

  beforeAll(async () => {
    server = await startMockProviderServer({port: 0, wires: [objectAnswerWire(openAiChatWire)]});
    client = new OpenAI({apiKey: 'sk-test', baseURL: `${server.url}/v1`, maxRetries: 0});
  });

  afterAll(async () => {
    await server.close();
  });

  async function collect(prompt: string, chunks: number) {
    const pieces: string[] = [];
    let outputTokens: number | undefined;
    const stream = await client.chat.completions.create(
      {
        model: 'gpt-4o-mini',
        messages: [{role: 'user', content: prompt}],
        stream: true,
        stream_options: {include_usage: true},
      },
      {headers: {'x-mock-scenario': `chunks=${chunks}`}},
    );
    for await (const chunk of stream) {
      const content = chunk.choices[0]?.delta.content;
      if (content) pieces.push(content);
      outputTokens = chunk.usage?.completion_tokens ?? outputTokens;
    }
    return {pieces, outputTokens};
  }

  it("streams the bench object's JSON in the scenario's chunks", async () => {
    const {pieces, outputTokens} = await collect(objectBenchPrompt(12), 57);
    expect(pieces.join('')).toBe(JSON.stringify(benchObject(12)));
    expect(pieces.length).toBe(57);
    expect(outputTokens).toBe(57);
  });

  it('streams the same answer again, and another size for another prompt', async () => {
    expect((await collect(objectBenchPrompt(12), 57)).pieces.join('')).toBe(JSON.stringify(benchObject(12)));
    const other = await collect(objectBenchPrompt(3), 10);
    expect(other.pieces.join('')).toBe(JSON.stringify(benchObject(3)));
    expect(other.pieces.length).toBe(10);
  });

  it("streams the scenario's text for any other prompt", async () => {
    expect((await collect('hi', 3)).pieces.join('')).toBe('w1 w2 w3');
  });
});

// The Responses wire builds its events from the plan's whole text (`output_text.done`, the completed response).
describe('objectAnswerWire with the openai SDK on the Responses API', () => {
  let server: MockProviderServer;
  let client: OpenAI;

  beforeAll(async () => {
    server = await startMockProviderServer({port: 0, wires: [objectAnswerWire(openAiResponsesWire)]});
    client = new OpenAI({apiKey: 'sk-test', baseURL: `${server.url}/v1`, maxRetries: 0});
  });

  afterAll(async () => {
    await server.close();
  });

  it("streams the bench object's JSON in the scenario's chunks, in every event that carries the text", async () => {
    const pieces: string[] = [];
    let done: string | undefined;
    let completed: string | undefined;
    const stream = await client.responses.create(
      {model: 'gpt-4o-mini', input: objectBenchPrompt(5), stream: true},
      {headers: {'x-mock-scenario': 'chunks=41'}},
    );
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') pieces.push(event.delta);
      else if (event.type === 'response.output_text.done') done = event.text;
      else if (event.type === 'response.completed') {
        const [message] = event.response.output;
        const [part] = message?.type === 'message' ? message.content : [];
        completed = part?.type === 'output_text' ? part.text : undefined;
      }
    }
    const json = JSON.stringify(benchObject(5));
    expect(pieces.length).toBe(41);
    expect(pieces.join('')).toBe(json);
    expect(done).toBe(json);
    expect(completed).toBe(json);
  });
});
