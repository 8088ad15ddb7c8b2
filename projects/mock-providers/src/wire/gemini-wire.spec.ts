import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {
  ApiError,
  FunctionCallingConfigMode,
  GoogleGenAI,
  type GenerateContentParameters,
  type GenerateContentResponse,
} from '@google/genai';
import {geminiWire} from './gemini-wire';
import type {MockPlan, MockToolCall} from './provider-wire';
import {allWireEvents, serveWireAnswer} from './wire-answer-server';

const PLAN: MockPlan = {
  model: 'gemini-2.5-flash',
  responseId: 'resp-gemini-1',
  created: 1_700_000_000,
  reasoningChunks: ['Let me ', 'think.'],
  textChunks: ['Hello', ' world'],
  usage: {inputTokens: 42, outputTokens: 4, cachedInputTokens: 10, cacheWriteTokens: 0, reasoningTokens: 2},
  finish: 'stop',
  requestBody: null,
  outputSchema: undefined,
  toolCalls: [],
};

function allEvents(plan: MockPlan): string[] {
  return allWireEvents(geminiWire, plan);
}

const CALLS: MockToolCall[] = [
  {id: 'mockt0', name: 'weather', arguments: '{"city": "Paris"}', argumentChunks: ['{"city": ', '"Paris"}']},
  {id: 'mockt1', name: 'clock', arguments: '{"zone": "Asia/Tok', argumentChunks: ['{"zone": "Asia/Tok']},
];

/** A whole answer with tool calls after the text, in the order the mock server writes them. */
function allEventsWithCalls(plan: MockPlan): string[] {
  const calls = plan.toolCalls.flatMap((call, index) => [
    ...geminiWire.toolCallStartEvents(),
    ...call.argumentChunks.flatMap(() => geminiWire.toolCallDeltaEvents()),
    ...geminiWire.toolCallEndEvents(plan, call, index),
  ]);
  const events = allEvents(plan);
  return [...events.slice(0, -1), ...calls, ...events.slice(-1)];
}

/** The REST body the real SDK sends for the given config and contents, and the chunks it read back. */
async function sendThroughSdk(
  url: string,
  parameters: Pick<GenerateContentParameters, 'contents' | 'config'>,
): Promise<{body: unknown; chunks: GenerateContentResponse[]}> {
  const fetchSpy = spyOn(globalThis, 'fetch').and.callThrough();
  const client = new GoogleGenAI({apiKey: 'test-key', httpOptions: {baseUrl: url}});
  const stream = await client.models.generateContentStream({model: 'gemini-2.5-flash', ...parameters});
  const chunks: GenerateContentResponse[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return {body: JSON.parse(String(fetchSpy.calls.mostRecent().args[1]?.body)), chunks};
}

async function readAll(url: string): Promise<GenerateContentResponse[]> {
  const client = new GoogleGenAI({apiKey: 'test-key', httpOptions: {baseUrl: url}});
  const stream = await client.models.generateContentStream({
    model: 'gemini-2.5-flash',
    contents: 'hi',
    config: {automaticContinuation: false},
  });
  const chunks: GenerateContentResponse[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('geminiWire', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('routes streamGenerateContent under any version segment and reads the model from the path', () => {
    expect(geminiWire.matches('POST', '/v1/models/gemini-2.5-flash:streamGenerateContent')).toBeTrue();
    expect(geminiWire.matches('POST', '/v1beta/models/mock-slow-500:streamGenerateContent')).toBeTrue();
    expect(geminiWire.matches('POST', '/models/gemini-2.5-flash:streamGenerateContent')).toBeTrue();
    expect(geminiWire.matches('GET', '/v1/models/gemini-2.5-flash:streamGenerateContent')).toBeFalse();
    expect(geminiWire.matches('POST', '/v1/models/gemini-2.5-flash:generateContent')).toBeFalse();
    expect(geminiWire.matches('POST', '/v2/chat')).toBeFalse();
    expect(geminiWire.modelOf('/v1beta/models/gemini-2.5-pro:streamGenerateContent', {})).toBe('gemini-2.5-pro');
  });

  it('never sends an event: line and ends every event with a blank line', () => {
    const events = [...allEvents(PLAN), ...geminiWire.midStreamErrorEvents(PLAN, 'boom')];
    for (const event of events) {
      expect(event).toMatch(/^data: \{.*\}\r\n\r\n$/s);
      expect(event).not.toContain('event:');
    }
  });

  it('streams thoughts, text, cumulative usage and STOP that the real SDK reads', async () => {
    ({server} = await serveWireAnswer({events: allEvents(PLAN)}));
    const chunks = await readAll(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);

    const parts = chunks.flatMap(chunk => chunk.candidates?.[0]?.content?.parts ?? []);
    expect(parts.filter(part => part.thought).map(part => part.text)).toEqual(['Let me ', 'think.']);
    expect(chunks.map(chunk => chunk.text ?? '').join('')).toBe('Hello world');
    const last = chunks[chunks.length - 1];
    expect(last.candidates?.[0]?.finishReason).toBe('STOP' as never);
    expect(last.responseId).toBe('resp-gemini-1');
    expect(last.modelVersion).toBe('gemini-2.5-flash');
    expect(last.usageMetadata).toEqual(
      jasmine.objectContaining({
        promptTokenCount: 42,
        candidatesTokenCount: 2,
        thoughtsTokenCount: 2,
        cachedContentTokenCount: 10,
        totalTokenCount: 46,
      }),
    );
    // Usage is a running total: the counts never go down from one chunk to the next.
    const totals = chunks.map(chunk => chunk.usageMetadata?.totalTokenCount ?? 0);
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
  });

  it('reads the JSON Schema where the real SDK puts config.responseJsonSchema: generationConfig', async () => {
    const schema = {type: 'object', properties: {a: {type: 'string'}}, required: ['a'], $defs: {b: {type: 'number'}}};
    ({server} = await serveWireAnswer({events: allEvents(PLAN)}));
    const fetchSpy = spyOn(globalThis, 'fetch').and.callThrough();
    const client = new GoogleGenAI({
      apiKey: 'test-key',
      httpOptions: {baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`},
    });
    const stream = await client.models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'hi',
      config: {responseMimeType: 'application/json', responseJsonSchema: schema},
    });
    for await (const _chunk of stream) {
      // Drained.
    }
    const body: unknown = JSON.parse(String(fetchSpy.calls.mostRecent().args[1]?.body));
    expect(geminiWire.outputSchemaOf(body)).toEqual(schema);
    expect(geminiWire.outputSchemaOf({generationConfig: {temperature: 1}})).toBeUndefined();
    expect(geminiWire.outputSchemaOf({generationConfig: {responseSchema: {type: 'OBJECT'}}})).toBeUndefined();
    expect(geminiWire.outputSchemaOf(null)).toBeUndefined();
  });

  it('ends a refusal like a content filter: SAFETY and no content, after the text', () => {
    const events = allEvents({...PLAN, reasoningChunks: [], finish: 'refusal'});
    const last = JSON.parse(events[events.length - 1].slice(6)).candidates[0];
    expect(last.finishReason).toBe('SAFETY');
    expect(last.content).toBeUndefined();
    expect(events.length).toBe(PLAN.textChunks.length + 1);
  });

  it('ends with MAX_TOKENS for length, and with SAFETY and no content for a content filter', async () => {
    const length = geminiWire.closingEvents({...PLAN, finish: 'length'});
    expect(JSON.parse(length[0].slice(6)).candidates[0].finishReason).toBe('MAX_TOKENS');

    ({server} = await serveWireAnswer({events: allEvents({...PLAN, finish: 'content-filter'})}));
    const chunks = await readAll(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const last = chunks[chunks.length - 1].candidates?.[0];
    expect(last?.finishReason).toBe('SAFETY' as never);
    expect(last?.content).toBeUndefined();
  });

  it('makes the real SDK throw ApiError 500 for a mid-stream error, after the content', async () => {
    const events = [
      ...geminiWire.textEvents(PLAN, 'Hello', 0),
      ...geminiWire.midStreamErrorEvents(PLAN, 'Internal error'),
    ];
    ({server} = await serveWireAnswer({events}));
    const client = new GoogleGenAI({
      apiKey: 'test-key',
      httpOptions: {baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`},
    });
    const stream = await client.models.generateContentStream({model: 'gemini-2.5-flash', contents: 'hi'});
    const texts: string[] = [];
    let thrown: unknown;
    try {
      for await (const chunk of stream) texts.push(chunk.text ?? '');
    } catch (error) {
      thrown = error;
    }
    expect(texts).toEqual(['Hello']);
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).status).toBe(500);
    expect((thrown as ApiError).message).toContain('Internal error');
  });

  it('makes the real SDK throw a SyntaxError for the malformed event', async () => {
    ({server} = await serveWireAnswer({
      events: [...geminiWire.textEvents(PLAN, 'Hello', 0), geminiWire.malformedEvent()],
    }));
    await expectAsync(readAll(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)).toBeRejectedWithError(
      SyntaxError,
    );
  });

  it('gives Google error bodies that the real SDK turns into ApiError with the status and RetryInfo', async () => {
    expect(geminiWire.errorBody(503, 'The model is overloaded.')).toEqual({
      error: {code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE'},
    });
    const body = geminiWire.errorBody(429, 'Resource has been exhausted (e.g. check quota).', 7);
    ({server} = await serveWireAnswer({status: 429, body}));
    const error: unknown = await readAll(`http://127.0.0.1:${(server.address() as AddressInfo).port}`).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect((error as ApiError).message).toContain('RESOURCE_EXHAUSTED');
    expect((error as ApiError).message).toContain('"retryDelay":"7s"');
  });

  it('reads the tools, forced function and tool rounds of the body the real SDK sends', async () => {
    ({server} = await serveWireAnswer({events: allEvents(PLAN)}));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const weather = {type: 'object', properties: {city: {type: 'string'}}, required: ['city']};
    const {body} = await sendThroughSdk(url, {
      contents: [
        {role: 'user', parts: [{text: 'Weather?'}]},
        {role: 'model', parts: [{functionCall: {id: 'c1', name: 'weather', args: {city: 'Paris'}}}]},
        {role: 'user', parts: [{functionResponse: {id: 'c1', name: 'weather', response: {output: 'sunny'}}}]},
        {role: 'model', parts: [{text: 'Sunny.'}]},
        {role: 'user', parts: [{text: 'And the time?'}]},
      ],
      config: {
        tools: [
          {
            functionDeclarations: [
              {name: 'weather', description: 'The weather.', parametersJsonSchema: weather},
              {name: 'clock', parametersJsonSchema: {type: 'object'}},
            ],
          },
        ],
        toolConfig: {
          functionCallingConfig: {mode: FunctionCallingConfigMode.ANY, allowedFunctionNames: ['clock']},
        },
      },
    });
    expect(geminiWire.toolsOf(body)).toEqual({
      tools: [
        {name: 'weather', inputSchema: weather},
        {name: 'clock', inputSchema: {type: 'object'}},
      ],
      forced: 'clock',
      rounds: 1,
    });
    const config = (mode: string, allowedFunctionNames?: string[]) => ({
      tools: [{functionDeclarations: [{name: 'f'}, {name: 'g'}]}],
      toolConfig: {functionCallingConfig: {mode, allowedFunctionNames}},
    });
    expect(geminiWire.toolsOf(config('NONE'))?.forced).toBe('none');
    expect(geminiWire.toolsOf(config('ANY'))?.forced).toBeUndefined();
    expect(geminiWire.toolsOf(config('ANY', ['f', 'g']))?.forced).toBeUndefined();
    expect(geminiWire.toolsOf(config('AUTO'))).toEqual({
      tools: [
        {name: 'f', inputSchema: {type: 'object'}},
        {name: 'g', inputSchema: {type: 'object'}},
      ],
      forced: undefined,
      rounds: 0,
    });
    expect(geminiWire.toolsOf({contents: []})).toBeUndefined();
    expect(geminiWire.toolsOf(null)).toBeUndefined();
  });

  it('streams each call whole, ids and parsed args, the first with a thought signature, then STOP', async () => {
    const plan: MockPlan = {...PLAN, reasoningChunks: [], textChunks: ['Let me look.'], toolCalls: CALLS};
    expect(geminiWire.toolCallStartEvents()).toEqual([]);
    expect(geminiWire.toolCallDeltaEvents()).toEqual([]);
    ({server} = await serveWireAnswer({events: allEventsWithCalls({...plan, finish: 'tool-calls'})}));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const {chunks} = await sendThroughSdk(url, {contents: 'hi'});

    const parts = chunks.flatMap(chunk => chunk.candidates?.[0]?.content?.parts ?? []);
    // Read from the parts: the SDK's `text` getter warns about the function calls beside the text.
    expect(parts.map(part => part.text ?? '').join('')).toBe('Let me look.');
    const calls = parts.filter(part => part.functionCall !== undefined);
    // One chunk per call; arguments that are not a JSON object cannot be sent on Gemini's wire: they go as {}.
    expect(chunks.map(chunk => chunk.functionCalls ?? [])).toEqual([
      [],
      [{id: 'mockt0', name: 'weather', args: {city: 'Paris'}}],
      [{id: 'mockt1', name: 'clock', args: {}}],
      [],
    ]);
    expect(calls[0].thoughtSignature).toBe(btoa('mock-thought-signature:resp-gemini-1'));
    expect(calls[1].thoughtSignature).toBeUndefined();
    expect(chunks[chunks.length - 1].candidates?.[0]?.finishReason).toBe('STOP' as never);
  });
});
