// passUpstreamBody() over real upstream answers: the mock provider server (port 4010), each wire's own request
// (the adapter's, played again directly), a faulty upstream that quotes the key it was sent (`echoKey`).
import {waitForMockRequest, type MockScenario} from '@llm-rx/mock-providers';
import {mulberry32, uniqueTag} from '@llm-rx/spec-support';
import {passUpstreamBody, type UpstreamBodyOutcome} from './pass-upstream-body';
import {endRecorder, randomCuts, readText, realisticKey, recordingBody} from './pass-upstream-body-fixtures';
import {fetchUpstream, runAdapter, WIRE_TARGETS, type AdapterRun} from './upstream-wire-fixtures';

const KEY = realisticKey(15);

/** Every JSON payload of an SSE text's `data:` lines (`[DONE]` left out); throws for one that does not parse. */
function dataJsonOf(text: string): unknown[] {
  return [...text.matchAll(/^data: ?(.*)$/gm)].flatMap(([, data]) => (data === '[DONE]' ? [] : [JSON.parse(data)]));
}

function isEventStream(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').includes('text/event-stream');
}

describe('passUpstreamBody against the mock provider server', () => {
  for (const target of WIRE_TARGETS) {
    describe(target.wire, () => {
      let run: AdapterRun;
      beforeAll(async () => {
        run = await runAdapter(target, {chunks: 2, tag: uniqueTag(target.wire, 'pass-request')});
      });

      const pass = async (scenario: MockScenario) => {
        const response = await fetchUpstream(target, run, scenario, KEY);
        const {onEnd, calls} = endRecorder();
        const body = passUpstreamBody(response.body as ReadableStream<Uint8Array>, {
          secrets: [KEY],
          wire: target.wire,
          isEventStream: isEventStream(response),
          onEnd,
        });
        return {response, ...(await readText(body)), calls};
      };

      it('cuts the key out of an HTTP error body that quotes it, which still parses', async () => {
        const {response, text, calls} = await pass({status: 401, echoKey: true});
        expect(response.status).toBe(401);
        expect(isEventStream(response)).toBeFalse();
        expect(text).not.toContain(KEY);
        expect(text).toContain('***');
        expect(() => JSON.parse(text)).not.toThrow();
        expect(calls.map(call => call.ended)).toEqual(['complete']);
      });

      it('cuts the key out of an error in the stream, every data line still JSON', async () => {
        const {text, calls} = await pass({chunks: 4, errorAfter: 2, echoKey: true});
        expect(text).not.toContain(KEY);
        expect(text).toContain('***');
        expect(dataJsonOf(text).length).toBeGreaterThan(2);
        expect(calls.length).toBe(1);
        expect(calls[0].usage.outputChars).toBeGreaterThan(0);
      });

      it('forwards an answer byte for byte and meters it the same, whatever the chunking', async () => {
        const scenario: MockScenario = {chunks: 6, reasoning: 2, inputTokens: 321, outputTokens: 55};
        const bytes = new Uint8Array(await (await fetchUpstream(target, run, scenario)).arrayBuffer());
        const expected = new TextDecoder().decode(bytes);
        const random = mulberry32(target.wire.length);
        const outcomes: UpstreamBodyOutcome[] = [];
        for (let cut = 0; cut < 10; cut++) {
          const upstream = recordingBody(randomCuts(bytes, random, 40));
          const body = passUpstreamBody(upstream.stream, {
            secrets: [KEY],
            wire: target.wire,
            isEventStream: true,
            onEnd: outcome => outcomes.push(outcome),
          });
          expect((await readText(body)).text).toBe(expected);
        }
        expect(outcomes.length).toBe(10);
        expect(outcomes.every(outcome => outcome.ended === 'complete')).toBeTrue();
        expect(outcomes[0].usage.tokens).toEqual(jasmine.objectContaining({inputTokens: 321, outputTokens: 55}));
        expect(new Set(outcomes.map(outcome => JSON.stringify(outcome.usage))).size).toBe(1);
      });

      it('aborts the upstream request when the client cancels', async () => {
        const tag = uniqueTag(target.wire, 'pass-cancel');
        const response = await fetchUpstream(target, run, {tag, chunks: 50, chunkDelay: 20});
        const {onEnd, calls} = endRecorder();
        const body = passUpstreamBody(response.body as ReadableStream<Uint8Array>, {
          secrets: [KEY],
          wire: target.wire,
          isEventStream: true,
          onEnd,
        });
        const reader = body.getReader();
        await reader.read();
        await reader.cancel();

        const record = await waitForMockRequest(tag, candidate => candidate.closedEarly, {timeoutMs: 5000});
        expect(record.completed).toBeFalse();
        // Once, even though a read of the upstream was under way when the client cancelled.
        expect(calls.map(call => call.ended)).toEqual(['cancelled']);
      });
    });
  }
});
