import {events, finish, providerStreamOf, Recorder, until} from '@llm-rx/spec-support';
import {z} from 'zod';
import type {LlmChunk, LlmToolCallDelta, LlmToolCallEnd} from '../chunk/llm-chunk';
import {LlmTruncationError} from '../errors/llm-truncation-error';
import type {LlmRequest} from '../request/llm-request';
import type {LlmTool} from '../tools/llm-tool';
import type {ProviderEventSource} from './provider-event-mapper';
import type {ProviderStreamEvent} from './provider-stream-event';

const weather: LlmTool = {
  name: 'weather',
  inputSchema: z.object({city: z.string(), unit: z.enum(['c', 'f']).default('c')}),
};
const clock: LlmTool = {
  name: 'clock',
  inputSchema: {type: 'object', properties: {zone: {type: 'string'}}, required: ['zone']},
};
const start = (toolCallId: string, toolName: string): ProviderStreamEvent => ({
  type: 'tool-call-start',
  toolCallId,
  toolName,
});
const delta = (toolCallId: string, argumentsDelta: string): ProviderStreamEvent => ({
  type: 'tool-call-delta',
  toolCallId,
  argumentsDelta,
});
const end = (toolCallId: string, providerData?: Record<string, unknown>): ProviderStreamEvent => ({
  type: 'tool-call-end',
  toolCallId,
  ...(providerData && {providerData}),
});

async function run(source: ProviderEventSource<ProviderStreamEvent>, request: Partial<LlmRequest> = {}) {
  const recorder = new Recorder(
    providerStreamOf({
      request: {userPrompt: 'Weather?', tools: [weather, clock], ...request},
      open: async () => source,
    }),
  );
  await until(() => recorder.isSettled, 'the end of the stream');
  return recorder;
}

const ends = (chunks: readonly LlmChunk[]) =>
  chunks.filter((chunk): chunk is LlmToolCallEnd => chunk.type === 'tool-call-end');

describe('fromProviderStream with tools', () => {
  it('names the tool on every delta, shows the arguments as they parse, and validates the input at the end', async () => {
    const recorder = await run(
      events(
        start('a', 'weather'),
        delta('a', '{"ci'),
        delta('a', 'ty": "Pa'),
        delta('a', 'ris"}'),
        end('a'),
        finish('tool-calls', 'tool_calls'),
      ),
    );
    expect(recorder.isComplete).toBeTrue();
    expect(recorder.chunks.map(chunk => chunk.type)).toEqual([
      'tool-call-start',
      'tool-call-delta',
      'tool-call-delta',
      'tool-call-delta',
      'tool-call-end',
      'usage',
    ]);
    const deltas = recorder.chunks.filter((chunk): chunk is LlmToolCallDelta => chunk.type === 'tool-call-delta');
    expect(deltas.every(piece => piece.toolName === 'weather')).toBeTrue();
    expect(deltas.map(piece => piece.partialInput)).toEqual([{}, {city: 'Pa'}, {city: 'Paris'}]);
    expect(ends(recorder.chunks)).toEqual([
      {
        type: 'tool-call-end',
        toolCallId: 'a',
        toolName: 'weather',
        input: {city: 'Paris', unit: 'c'},
        argumentsText: '{"city": "Paris"}',
      },
    ]);
  });

  it('ends the calls still open at the finish, in the order they started, and keeps interleaved calls apart', async () => {
    const recorder = await run(
      events(
        start('a', 'weather'),
        start('b', 'clock'),
        delta('b', '{"zone": "UTC"}'),
        delta('a', '{"city": "Oslo"}'),
        finish('tool-calls', 'tool_calls'),
      ),
    );
    expect(ends(recorder.chunks).map(call => [call.toolCallId, call.input])).toEqual([
      ['a', {city: 'Oslo', unit: 'c'}],
      ['b', {zone: 'UTC'}],
    ]);
  });

  it('gives issues for invalid JSON, a schema mismatch (JSON Schema too) and an unknown tool, and goes on', async () => {
    const recorder = await run(
      events(
        start('a', 'weather'),
        delta('a', '{"city": '),
        end('a'),
        start('b', 'clock'),
        delta('b', '{"zone": 5}'),
        end('b'),
        start('c', 'stocks'),
        end('c'),
        finish('tool-calls', 'tool_calls'),
      ),
    );
    expect(recorder.isComplete).toBeTrue();
    const [badJson, mismatch, unknown] = ends(recorder.chunks);
    expect(badJson.input).toBeUndefined();
    expect(badJson.issues?.[0].position).toBe('{"city": '.length);
    expect(mismatch.input).toEqual({zone: 5});
    expect(mismatch.issues?.[0].path).toEqual(['zone']);
    expect(unknown.issues?.[0].message).toContain('"stocks"');
  });

  it('reads an empty argument text as an empty input, and keeps the provider data of the end event', async () => {
    const noArgs: LlmTool = {name: 'now', inputSchema: {type: 'object', properties: {}}};
    const recorder = await run(
      events(start('a', 'now'), end('a', {gemini: {thoughtSignature: 'sig'}}), finish('stop', 'STOP')),
      {
        tools: [noArgs],
      },
    );
    expect(ends(recorder.chunks)[0]).toEqual(
      jasmine.objectContaining({input: {}, providerData: {gemini: {thoughtSignature: 'sig'}}}),
    );
    // A provider that says `stop` after tool calls (Gemini): the unified reason says tool-calls, the raw one stays.
    const usage = recorder.chunks[recorder.chunks.length - 1];
    expect(usage.type === 'usage' && usage.usage.finishReason).toEqual({unified: 'tool-calls', raw: 'STOP'});
  });

  it('keeps the order of the parts when a schema validates asynchronously', async () => {
    const slow: LlmTool = {
      name: 'slow',
      inputSchema: {
        '~standard': {
          version: 1,
          vendor: 'spec',
          validate: async (value: unknown) => ({value}),
          jsonSchema: {input: () => ({type: 'object'}), output: () => ({type: 'object'})},
        },
      } as LlmTool['inputSchema'],
    };
    const recorder = await run(
      events(
        start('a', 'slow'),
        delta('a', '{}'),
        end('a'),
        {type: 'text-delta', text: 'after'},
        finish('tool-calls', 'x'),
      ),
      {tools: [slow]},
    );
    expect(recorder.chunks.map(chunk => chunk.type)).toEqual([
      'tool-call-start',
      'tool-call-delta',
      'tool-call-end',
      'text-delta',
      'usage',
    ]);
  });

  it('ends a call cut by the output cap with an LlmTruncationError, no tool-call-end', async () => {
    const recorder = await run(events(start('a', 'weather'), delta('a', '{"city": "Pa'), finish('length', 'length')));
    expect(LlmTruncationError.isInstance(recorder.error)).withContext(String(recorder.error)).toBeTrue();
    expect(ends(recorder.chunks)).toEqual([]);
  });
});
