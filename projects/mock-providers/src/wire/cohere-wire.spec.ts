import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {CohereClientV2, CohereError, type Cohere} from 'cohere-ai';
import {cohereWire} from './cohere-wire';
import {responseUuid} from './response-uuid';
import type {MockPlan} from './provider-wire';
import {allWireEvents, serveWireAnswer} from './wire-answer-server';

const PLAN: MockPlan = {
  model: 'command-a-03-2025',
  responseId: 'resp-cohere-1',
  created: 1_700_000_000,
  reasoningChunks: [],
  textChunks: ['Hello', ' world'],
  usage: {inputTokens: 42, outputTokens: 2, cachedInputTokens: 8, cacheWriteTokens: 0, reasoningTokens: 0},
  finish: 'stop',
  requestBody: null,
  outputSchema: undefined,
  toolCalls: [],
};

function allEvents(plan: MockPlan): string[] {
  return allWireEvents(cohereWire, plan);
}

async function readAll(baseUrl: string): Promise<Cohere.V2ChatStreamResponse[]> {
  const client = new CohereClientV2({token: 'test-key', baseUrl});
  const stream = await client.chatStream(
    {model: 'command-a-03-2025', messages: [{role: 'user', content: 'hi'}]},
    {maxRetries: 0},
  );
  const events: Cohere.V2ChatStreamResponse[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

function textOf(events: readonly Cohere.V2ChatStreamResponse[], kind: 'text' | 'thinking'): string {
  return events
    .map(event => (event.type === 'content-delta' ? (event.delta?.message?.content?.[kind] ?? '') : ''))
    .join('');
}

describe('cohereWire', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('routes POST /v2/chat and reads the model from the body', () => {
    expect(cohereWire.matches('POST', '/v2/chat')).toBeTrue();
    expect(cohereWire.matches('GET', '/v2/chat')).toBeFalse();
    expect(cohereWire.matches('POST', '/v1/chat')).toBeFalse();
    expect(cohereWire.modelOf('/v2/chat', {model: 'command-r7b-12-2024'})).toBe('command-r7b-12-2024');
    expect(cohereWire.modelOf('/v2/chat', null)).toBe('');
  });

  it('puts "type" in every JSON payload and ends with data: [DONE]', () => {
    const events = allEvents({...PLAN, reasoningChunks: ['Hmm.']});
    expect(events[events.length - 1]).toBe('data: [DONE]\n\n');
    for (const event of events.slice(0, -1)) {
      const match = /^event: ([a-z-]+)\ndata: (\{.*\})\n\n$/s.exec(event);
      expect(match).not.toBeNull();
      expect(JSON.parse(match?.[2] ?? '{}').type).toBe(match?.[1]);
    }
  });

  it('streams text, COMPLETE and billed usage that the real SDK reads, camelCased', async () => {
    ({server} = await serveWireAnswer({events: allEvents(PLAN)}));
    const events = await readAll(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);

    expect(events.map(event => event.type)).toEqual([
      'message-start',
      'content-start',
      'content-delta',
      'content-delta',
      'content-end',
      'message-end',
    ]);
    expect(textOf(events, 'text')).toBe('Hello world');
    const end = events[events.length - 1] as Cohere.V2ChatStreamResponse.MessageEnd;
    expect(end.delta?.finishReason).toBe('COMPLETE');
    expect(end.delta?.usage?.billedUnits).toEqual(jasmine.objectContaining({inputTokens: 42, outputTokens: 2}));
    // `tokens` includes the unbilled prompt template, so it must differ from the billed counts.
    expect(end.delta?.usage?.tokens?.inputTokens).toBeGreaterThan(42);
    expect(end.delta?.usage?.cachedTokens).toBe(8);
  });

  it("opens with the response's id as a UUID, as Cohere's are", async () => {
    ({server} = await serveWireAnswer({events: allEvents(PLAN)}));
    const [start] = await readAll(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    expect(start.type).toBe('message-start');
    expect((start as Cohere.V2ChatStreamResponse.MessageStart).id).toBe(responseUuid(PLAN.responseId));
  });

  it('streams reasoning as a thinking block before the text block', async () => {
    ({server} = await serveWireAnswer({events: allEvents({...PLAN, reasoningChunks: ['Let me ', 'think.']})}));
    const events = await readAll(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);

    expect(textOf(events, 'thinking')).toBe('Let me think.');
    expect(textOf(events, 'text')).toBe('Hello world');
    const blocks = events
      .filter(event => event.type === 'content-start')
      .map(event => (event as Cohere.V2ChatStreamResponse.ContentStart).delta?.message?.content?.type);
    expect(blocks).toEqual(['thinking', 'text']);
  });

  it('reads the JSON Schema where the real SDK sends responseFormat.jsonSchema: response_format.json_schema', async () => {
    const schema = {type: 'object', properties: {aB: {type: 'string'}}, required: ['aB'], additionalProperties: false};
    ({server} = await serveWireAnswer({events: allEvents(PLAN)}));
    let sent: unknown;
    const client = new CohereClientV2({
      token: 'test-key',
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      fetch: (input, init) => {
        sent = JSON.parse(String(init?.body));
        return fetch(input, init);
      },
    });
    const stream = await client.chatStream(
      {
        model: 'command-a-03-2025',
        messages: [{role: 'user', content: 'hi'}],
        responseFormat: {type: 'json_object', jsonSchema: schema},
      },
      {maxRetries: 0},
    );
    for await (const _event of stream) {
      // Drained.
    }
    // The SDK snake-cases its own fields, never the schema's keys.
    expect(cohereWire.outputSchemaOf?.(sent)).toEqual(schema);
    expect(cohereWire.outputSchemaOf?.({response_format: {type: 'json_object'}})).toBeUndefined();
    expect(cohereWire.outputSchemaOf?.({response_format: {type: 'text', json_schema: schema}})).toBeUndefined();
    expect(cohereWire.outputSchemaOf?.(null)).toBeUndefined();
  });

  it('ends a refusal and a content filter like a complete answer: Cohere has neither', () => {
    for (const finish of ['refusal', 'content-filter'] as const) {
      const closing = cohereWire.closingEvents({...PLAN, finish});
      expect(JSON.parse(closing[1].split('data: ')[1]).delta.finish_reason).toBe('COMPLETE');
    }
  });

  it('ends with MAX_TOKENS for a length finish', () => {
    const closing = cohereWire.closingEvents({...PLAN, finish: 'length'});
    const messageEnd = JSON.parse(closing[1].split('data: ')[1]);
    expect(messageEnd.delta.finish_reason).toBe('MAX_TOKENS');
  });

  it('reports a mid-stream error in-band, as message-end with ERROR, which the real SDK passes through', async () => {
    const events = [
      ...cohereWire.openingEvents(PLAN),
      ...cohereWire.textEvents(PLAN, 'Hello', 0),
      ...cohereWire.midStreamErrorEvents(PLAN, 'internal server error'),
    ];
    ({server} = await serveWireAnswer({events}));
    const received = await readAll(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const end = received[received.length - 1] as Cohere.V2ChatStreamResponse.MessageEnd;
    expect(textOf(received, 'text')).toBe('Hello');
    expect(end.type).toBe('message-end');
    expect(end.delta?.finishReason).toBe('ERROR');
    expect(end.delta?.error).toBe('internal server error');
  });

  it('makes the real SDK throw a SyntaxError for the malformed event', async () => {
    ({server} = await serveWireAnswer({events: [...cohereWire.openingEvents(PLAN), cohereWire.malformedEvent()]}));
    await expectAsync(readAll(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)).toBeRejectedWithError(
      SyntaxError,
    );
  });

  it('gives {message} error bodies that the real SDK turns into CohereError with statusCode and body', async () => {
    const body = cohereWire.errorBody(429, 'You are using a Trial key, which is limited to 10 API calls / minute.');
    expect(body).toEqual({message: 'You are using a Trial key, which is limited to 10 API calls / minute.'});
    ({server} = await serveWireAnswer({status: 429, body}));
    const error: unknown = await readAll(`http://127.0.0.1:${(server.address() as AddressInfo).port}`).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CohereError);
    expect((error as CohereError).statusCode).toBe(429);
    expect((error as CohereError).body).toEqual(body);
  });
});
