import type {Server} from 'node:http';
import {CohereClientV2, type Cohere} from 'cohere-ai';
import {cohereWire} from './cohere-wire';
import type {MockPlan, MockToolCall} from './provider-wire';
import {serveWireAnswer} from './wire-answer-server';

const WEATHER_CALL: MockToolCall = {
  id: 'resp-cohere-1t0',
  name: 'weather',
  arguments: '{"city": "Paris"}',
  argumentChunks: ['{"city"', ': "Par', 'is"}'],
};
const CLOCK_CALL: MockToolCall = {id: 'resp-cohere-1t1', name: 'clock', arguments: '{}', argumentChunks: ['{}']};

const PLAN: MockPlan = {
  model: 'command-a-03-2025',
  responseId: 'resp-cohere-1',
  created: 1_700_000_000,
  reasoningChunks: [],
  textChunks: [],
  usage: {inputTokens: 42, outputTokens: 4, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0},
  finish: 'tool-calls',
  requestBody: null,
  outputSchema: undefined,
  toolCalls: [WEATHER_CALL, CLOCK_CALL],
};

/** Every event of a plan with tool calls, in the order the mock server writes them. */
function allEvents(plan: MockPlan): string[] {
  return [
    ...cohereWire.openingEvents(plan),
    ...plan.reasoningChunks.flatMap((text, index) => cohereWire.reasoningEvents(plan, text, index)),
    ...plan.textChunks.flatMap((text, index) => cohereWire.textEvents(plan, text, index)),
    ...plan.toolCalls.flatMap((call, index) => [
      ...(cohereWire.toolCallStartEvents?.(plan, call, index) ?? []),
      ...call.argumentChunks.flatMap(text => cohereWire.toolCallDeltaEvents?.(plan, call, text, index) ?? []),
      ...(cohereWire.toolCallEndEvents?.(plan, call, index) ?? []),
    ]),
    ...cohereWire.closingEvents(plan),
  ];
}

const TOOLS: Cohere.ToolV2[] = [
  {type: 'function', function: {name: 'weather', parameters: {type: 'object', properties: {city: {type: 'string'}}}}},
  {type: 'function', function: {name: 'clock', description: 'Time.', parameters: {type: 'object'}}},
];

/** Streams a request through the real SDK: the events it gives, and the body it sent. */
async function send(
  url: string,
  request: Partial<Cohere.V2ChatStreamRequest> = {},
): Promise<{events: Cohere.V2ChatStreamResponse[]; body: unknown}> {
  let body: unknown;
  const client = new CohereClientV2({
    token: 'test-key',
    baseUrl: url,
    fetch: (input, init) => {
      body = JSON.parse(String(init?.body));
      return fetch(input, init);
    },
  });
  const stream = await client.chatStream(
    {model: 'command-a-03-2025', messages: [{role: 'user', content: 'hi'}], tools: TOOLS, ...request},
    {maxRetries: 0},
  );
  const events: Cohere.V2ChatStreamResponse[] = [];
  for await (const event of stream) events.push(event);
  return {events, body};
}

describe('cohereWire tool calls', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('streams each call as start, argument pieces and end by index, then TOOL_CALL, as the real SDK reads them', async () => {
    let url: string;
    ({server, url} = await serveWireAnswer({events: allEvents(PLAN)}));
    const {events} = await send(url);
    expect(events.map(event => event.type)).toEqual([
      'message-start',
      'tool-call-start',
      'tool-call-delta',
      'tool-call-delta',
      'tool-call-delta',
      'tool-call-end',
      'tool-call-start',
      'tool-call-delta',
      'tool-call-end',
      'message-end',
    ]);
    const starts = events.filter(
      (event): event is Cohere.V2ChatStreamResponse.ToolCallStart => event.type === 'tool-call-start',
    );
    expect(starts.map(start => [start.index, start.delta?.message?.toolCalls])).toEqual([
      [0, {id: 'weather_resp-cohere-1t0', type: 'function', function: {name: 'weather', arguments: ''}}],
      [1, {id: 'clock_resp-cohere-1t1', type: 'function', function: {name: 'clock', arguments: ''}}],
    ]);
    const pieces = events.flatMap(event =>
      event.type === 'tool-call-delta' && event.index === 0
        ? [event.delta?.message?.toolCalls?.function?.arguments]
        : [],
    );
    expect(pieces.join('')).toBe('{"city": "Paris"}');
    expect(events.filter(event => event.type === 'tool-call-end').map(event => event.index)).toEqual([0, 1]);
    const end = events[events.length - 1] as Cohere.V2ChatStreamResponse.MessageEnd;
    expect(end.delta?.finishReason).toBe('TOOL_CALL');
  });

  it('streams the text before the calls as the tool plan, after a closed thinking block', async () => {
    let url: string;
    const plan = {...PLAN, reasoningChunks: ['Hmm.'], textChunks: ['I will ', 'look.'], toolCalls: [CLOCK_CALL]};
    ({server, url} = await serveWireAnswer({events: allEvents(plan)}));
    const {events} = await send(url);
    expect(events.map(event => event.type)).toEqual([
      'message-start',
      'content-start',
      'content-delta',
      'content-end',
      'tool-plan-delta',
      'tool-plan-delta',
      'tool-call-start',
      'tool-call-delta',
      'tool-call-end',
      'message-end',
    ]);
    const toolPlan = events.map(event => (event.type === 'tool-plan-delta' ? event.delta?.message?.toolPlan : ''));
    expect(toolPlan.join('')).toBe('I will look.');
  });

  it('closes a thinking block before the first call when there is no plan', () => {
    const events = allEvents({...PLAN, reasoningChunks: ['Hmm.']}).map(event => event.split('\n')[0]);
    expect(events.slice(0, 5)).toEqual([
      'event: message-start',
      'event: content-start',
      'event: content-delta',
      'event: content-end',
      'event: tool-call-start',
    ]);
    expect(events.filter(event => event === 'event: content-end').length).toBe(1);
  });

  it('reads the tools, the choice and the tool rounds from the body the real SDK sends', async () => {
    let url: string;
    ({server, url} = await serveWireAnswer({events: allEvents(PLAN)}));
    const messages: Cohere.ChatMessageV2[] = [
      {role: 'user', content: 'hi'},
      {
        role: 'assistant',
        toolPlan: 'Looking.',
        toolCalls: [{id: 'clock_1', type: 'function', function: {name: 'clock', arguments: '{}'}}],
      },
      {role: 'tool', toolCallId: 'clock_1', content: '09:30'},
      {role: 'assistant', content: 'It is 09:30.'},
      {role: 'user', content: 'And now?'},
    ];
    const {body} = await send(url, {messages});
    expect(cohereWire.toolsOf?.(body)).toEqual({
      tools: [
        {name: 'weather', inputSchema: {type: 'object', properties: {city: {type: 'string'}}}},
        {name: 'clock', inputSchema: {type: 'object'}},
      ],
      rounds: 1,
    });
    const none = (await send(url, {toolChoice: 'NONE'})).body;
    expect(cohereWire.toolsOf?.(none)?.forced).toBe('none');
    const required = (await send(url, {toolChoice: 'REQUIRED'})).body;
    expect(cohereWire.toolsOf?.(required)?.forced).toBeUndefined();
    const named = (await send(url, {toolChoice: 'REQUIRED', tools: [TOOLS[1]]})).body;
    expect(cohereWire.toolsOf?.(named)?.forced).toBe('clock');
    expect(cohereWire.toolsOf?.({messages: []})).toBeUndefined();
  });
});
