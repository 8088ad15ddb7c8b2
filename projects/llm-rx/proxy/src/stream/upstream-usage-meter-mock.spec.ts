// The meter against the real mock provider server (port 4010): for each wire, the adapter's own request is played
// to the mock directly, as the proxy forwards it, and the meter must read the tokens the adapter reports.
import type {LlmTokenCounts, LlmUsage} from 'llm-rx';
import type {MockScenario} from '@llm-rx/mock-providers';
import {uniqueTag, WEATHER_TOOL} from '@llm-rx/spec-support';
import {createSseFrameSplitter} from './sse-frames';
import {createUpstreamUsageMeter, type UpstreamUsage} from './upstream-usage-meter';
import {fetchUpstream, outputCharsOf, runAdapter, WIRE_TARGETS, type WireTarget} from './upstream-wire-fixtures';

/** Reads an upstream body through the frame splitter into a meter. */
async function meter(target: WireTarget, response: Response): Promise<UpstreamUsage> {
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const usageMeter = createUpstreamUsageMeter(target.wire);
  const splitter = createSseFrameSplitter();
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const {done, value} = await reader.read();
    const frames = done ? splitter.end() : splitter.push(value);
    for (const frame of frames) if (frame.data !== undefined) usageMeter.data(frame.data);
    if (done) return usageMeter.result();
  }
}

function tokensOf(usage: LlmUsage | undefined): LlmTokenCounts | undefined {
  if (usage === undefined) return undefined;
  const {inputTokens, outputTokens, cachedInputTokens, cacheWriteTokens, cacheWriteOneHourTokens, reasoningTokens} =
    usage;
  return {
    inputTokens,
    outputTokens,
    cachedInputTokens,
    cacheWriteTokens,
    ...(cacheWriteOneHourTokens !== undefined && {cacheWriteOneHourTokens}),
    reasoningTokens,
  };
}

const USAGE_SCENARIO: MockScenario = {
  chunks: 4,
  reasoning: 3,
  inputTokens: 1200,
  outputTokens: 300,
  cachedTokens: 1000,
  cacheWriteTokens: 100,
  reasoningTokens: 64,
};

describe('createUpstreamUsageMeter against the mock provider server', () => {
  for (const target of WIRE_TARGETS) {
    describe(target.wire, () => {
      it('reads the tokens, characters and model the adapter itself reports', async () => {
        const run = await runAdapter(target, {...USAGE_SCENARIO, tag: uniqueTag(target.wire, 'meter')});
        expect(run.outcome.error).toBeUndefined();
        const usage = await meter(target, await fetchUpstream(target, run, USAGE_SCENARIO));

        expect(usage.tokens).toEqual(tokensOf(run.usage));
        expect(usage.tokens?.inputTokens).toBe(1200);
        expect(usage.outputChars).toBe(outputCharsOf(run.outcome.chunks));
        expect(usage.outputChars).toBeGreaterThan(0);
        expect(usage.responseModel).toBe(run.usage?.responseModel);
      });

      it('reads a tool-calling answer: its tokens, and its arguments as output characters', async () => {
        const scenario: MockScenario = {inputTokens: 500, outputTokens: 40, cachedTokens: 100};
        const run = await runAdapter(
          target,
          {...scenario, tag: uniqueTag(target.wire, 'meter-tools')},
          {
            tools: [WEATHER_TOOL],
          },
        );
        expect(run.outcome.chunks.some(chunk => chunk.type === 'tool-call-delta')).toBeTrue();
        const usage = await meter(target, await fetchUpstream(target, run, scenario));

        expect(usage.tokens).toEqual(tokensOf(run.usage));
        expect(usage.tokens?.outputTokens).toBe(40);
        expect(usage.outputChars).toBe(outputCharsOf(run.outcome.chunks));
      });

      it('has no tokens for an answer without its closing events, but counts its characters', async () => {
        const scenario: MockScenario = {chunks: 5, noFinal: true};
        const run = await runAdapter(target, {...scenario, tag: uniqueTag(target.wire, 'meter-no-final')});
        // The adapter reports such a stream as incomplete: no usage.
        expect(run.usage).toBeUndefined();
        const usage = await meter(target, await fetchUpstream(target, run, scenario));

        expect(usage.tokens).toBeUndefined();
        expect(usage.outputChars).toBeGreaterThan(0);
      });
    });
  }
});
