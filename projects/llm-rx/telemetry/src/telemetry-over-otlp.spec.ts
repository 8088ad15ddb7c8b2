import {createAnthropicLlm} from 'llm-rx/anthropic';
import {MockLlm} from 'llm-rx/testing';
import {MOCK_PROVIDERS_URL, MOCK_SCENARIO_HEADER, mockScenario, type OtlpEncoding} from '@llm-rx/mock-providers';
import {callEnd, otlpTelemetry, tool, uniqueTag, type OtlpTelemetry} from '@llm-rx/spec-support';
import {cascade, collectResponse, retryBeforeFirstChunk, wrapLlm} from 'llm-rx';
import {firstValueFrom, lastValueFrom, take, toArray} from 'rxjs';
import {GEN_AI, GEN_AI_METRIC, LLM_RX} from './gen-ai-conventions';
import {mockOpenAi, TELEMETRY_SPEC_KEY} from './telemetry-fixtures';

/** A span as one line: its name, and the attributes a reader of the backend would look at first. */
const outline = (span: {name: string; status: {code: string}; attributes: Record<string, unknown>}) =>
  [
    span.name,
    span.status.code,
    span.attributes[LLM_RX.attemptAnswered] === undefined ? '' : `answered=${span.attributes[LLM_RX.attemptAnswered]}`,
    span.attributes[GEN_AI.errorType] === undefined ? '' : `error=${span.attributes[GEN_AI.errorType]}`,
  ]
    .filter(Boolean)
    .join(' ');

const clock = tool('clock', () => '12:00');

for (const encoding of ['json', 'protobuf'] as OtlpEncoding[]) {
  describe(`llm-rx/telemetry over OTLP/HTTP (${encoding}) to a loopback receiver`, () => {
    let otlp: OtlpTelemetry;
    const tag = (name: string) => uniqueTag(`otlp-${encoding}`, name);

    beforeEach(() => (otlp = otlpTelemetry(encoding)));
    afterEach(async () => otlp.close());

    it('sends a successful call: the call span with its GenAI attributes, its attempt, and the metrics', async () => {
      const llm = otlp.telemetry.traceLlm(
        mockOpenAi({tag: tag('ok'), text: 'Hello', inputTokens: 30, outputTokens: 5}),
      );

      const response = await firstValueFrom(llm.stream({userPrompt: 'Hi', maxTokens: 64}).pipe(collectResponse()));
      await otlp.flush();

      expect(await otlp.tree(2, outline)).toEqual([
        'chat gpt-5-mini unset',
        '  attempt gpt-5-mini unset answered=true',
      ]);
      const spans = await otlp.spans(2);
      const call = spans.find(span => span.name === 'chat gpt-5-mini')!;
      expect(call.encoding).toBe(encoding);
      expect(call.kind).toBe('client');
      expect(call.scope.name).toBe('llm-rx');
      expect(call.attributes).toEqual(
        jasmine.objectContaining({
          [GEN_AI.operationName]: 'chat',
          [GEN_AI.providerName]: 'openai',
          [GEN_AI.requestModel]: 'gpt-5-mini',
          [GEN_AI.requestMaxTokens]: 64,
          [GEN_AI.responseFinishReasons]: ['stop'],
          [GEN_AI.usageInputTokens]: 30,
          [GEN_AI.usageOutputTokens]: 5,
          [LLM_RX.costCurrency]: 'USD',
          [LLM_RX.costSource]: 'local',
        }),
      );
      expect(call.attributes[LLM_RX.costAmount]).toBeCloseTo(response.usage.totalCost!, 12);
      expect(JSON.stringify(spans)).not.toContain(TELEMETRY_SPEC_KEY);

      const metrics = await otlp.metrics();
      const named = (name: string) => metrics.filter(metric => metric.name === name).flatMap(metric => metric.points);
      const tokens = named(GEN_AI_METRIC.tokenUsage);
      expect(tokens.map(point => [point.attributes[GEN_AI.tokenType], point.sum])).toEqual(
        jasmine.arrayWithExactContents([
          ['input', 30],
          ['output', 5],
        ]),
      );
      expect(metrics.find(metric => metric.name === GEN_AI_METRIC.operationDuration)).toEqual(
        jasmine.objectContaining({kind: 'histogram', unit: 's'}),
      );
      expect(named(GEN_AI_METRIC.operationDuration)[0].count).toBe(1);
      expect(named(GEN_AI_METRIC.timeToFirstChunk)[0].count).toBe(1);
      expect(named(LLM_RX.costMetric)[0].sum).toBeCloseTo(response.usage.totalCost!, 12);
    });

    it('sends a retried call as one call span with both attempts, the second answering', async () => {
      const model = mockOpenAi({tag: tag('retry'), status: 503, failTimes: 1});
      const retried = wrapLlm(model, (request, stream) =>
        stream(request).pipe(retryBeforeFirstChunk({count: 1, initialDelayMs: 1, jitter: false})),
      );

      await firstValueFrom(otlp.telemetry.traceLlm(retried).stream({userPrompt: 'Hi'}).pipe(collectResponse()));
      await otlp.flush();

      expect(await otlp.tree(3, outline)).toEqual([
        'chat gpt-5-mini unset',
        '  attempt gpt-5-mini error answered=false error=LlmProviderError',
        '  attempt gpt-5-mini unset answered=true',
      ]);
    });

    it('sends a cascade that failed over from OpenAI to Anthropic', async () => {
      const anthropic = createAnthropicLlm('claude-haiku-4-5', {
        apiKey: 'sk-ant-test-otlp',
        baseURL: MOCK_PROVIDERS_URL,
        headers: {[MOCK_SCENARIO_HEADER]: mockScenario({tag: tag('anthropic')})},
      });
      const llm = otlp.telemetry.traceLlm(cascade([mockOpenAi({tag: tag('down'), status: 529}), anthropic]));

      await firstValueFrom(llm.stream({userPrompt: 'Hi'}).pipe(collectResponse()));
      await otlp.flush();

      expect(await otlp.tree(3, outline)).toEqual([
        'chat gpt-5-mini unset',
        '  attempt gpt-5-mini error answered=false error=LlmProviderError',
        '  attempt claude-haiku-4-5 unset answered=true',
      ]);
      const call = (await otlp.spans(3)).find(span => span.name.startsWith('chat '))!;
      expect(call.attributes[GEN_AI.providerName]).toBe('anthropic');
    });

    it('sends a tool loop: the agent span, each step with its attempt, and the tool', async () => {
      const llm = new MockLlm({script: [{chunks: [callEnd('c1', 'clock')]}, {chunks: ['Noon.']}]});

      await lastValueFrom(otlp.telemetry.runTools(llm, {userPrompt: 'Time?', tools: [clock]}).pipe(toArray()));
      await otlp.flush();

      // Each span with its parent's name and its step (a browser's coarse clock can start a tool and the next step
      // in the same tick, so siblings are compared as a set).
      const spans = await otlp.spans(6);
      const byId = new Map(spans.map(span => [span.spanId, span]));
      const stepOf = (span: (typeof spans)[number]) => span.attributes[LLM_RX.toolLoopStep] ?? '-';
      const edges = spans.map(span => {
        const parent = byId.get(span.parentSpanId);
        return `${outline(span)} [${stepOf(span)}] <- ${parent === undefined ? 'root' : `${parent.name} [${stepOf(parent)}]`}`;
      });
      expect(edges.sort()).toEqual([
        'attempt mock-model unset answered=true [-] <- chat mock-model [0]',
        'attempt mock-model unset answered=true [-] <- chat mock-model [1]',
        'chat mock-model unset [0] <- invoke_agent llm-rx.runTools [-]',
        'chat mock-model unset [1] <- invoke_agent llm-rx.runTools [-]',
        'execute_tool clock unset [0] <- invoke_agent llm-rx.runTools [-]',
        'invoke_agent llm-rx.runTools unset [-] <- root',
      ]);
    });

    it('sends a cancelled call and a failed one as errors', async () => {
      const slow = otlp.telemetry.traceLlm(mockOpenAi({tag: tag('slow'), chunks: 30, chunkDelay: 30}, 'gpt-5'));
      const failing = otlp.telemetry.traceLlm(mockOpenAi({tag: tag('bad'), status: 400}, 'gpt-5-nano'));

      await lastValueFrom(slow.stream({userPrompt: 'Hi'}).pipe(take(1)));
      await expectAsync(lastValueFrom(failing.stream({userPrompt: 'Hi'}))).toBeRejected();
      await otlp.flush();

      expect((await otlp.tree(4, outline)).sort()).toEqual([
        '  attempt gpt-5 error answered=false error=cancelled',
        '  attempt gpt-5-nano error answered=false error=LlmProviderError',
        'chat gpt-5 error error=cancelled',
        'chat gpt-5-nano error error=LlmProviderError',
      ]);
      const failed = (await otlp.spans(4)).find(span => span.name === 'chat gpt-5-nano')!;
      expect(failed.attributes[GEN_AI.responseFinishReasons]).toEqual(['error']);
      expect(failed.events.map(event => event.name)).toEqual(['exception']);
    });
  });
}
