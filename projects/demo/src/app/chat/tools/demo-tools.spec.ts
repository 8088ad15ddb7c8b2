import type {LlmTool, LlmToolContext} from 'llm-rx';
import {demoTools, formatTimeIn} from './demo-tools';

const NOON_UTC = new Date('2025-06-03T12:00:00Z');

function run(tool: LlmTool, input: unknown, signal = new AbortController().signal): Promise<unknown> {
  const context: LlmToolContext = {signal, toolCallId: 'call-1', step: 0, messages: []};
  return Promise.resolve(tool.execute!(input, context) as Promise<unknown>);
}

function toolNamed(name: string, latencyMs = 0): LlmTool {
  return demoTools({latencyMs, now: () => NOON_UTC}).find(tool => tool.name === name)!;
}

describe('demoTools', () => {
  it('offers a calculator, a clock and a fact lookup, each with an object input schema', () => {
    const tools = demoTools();
    expect(tools.map(tool => tool.name)).toEqual(['calculator', 'current_time', 'llm_rx_facts']);
    for (const tool of tools) {
      expect((tool.inputSchema as {type?: string}).type).toBe('object');
      expect(tool.description).toBeTruthy();
    }
  });

  it('calculates, and fails on what is not arithmetic', async () => {
    expect(await run(toolNamed('calculator'), {expression: '12*(3+4)'})).toBe(84);
    await expectAsync(run(toolNamed('calculator'), {expression: '2+'})).toBeRejectedWithError(/Expected a number/);
  });

  it('tells the time in a time zone, and fails on an unknown one', async () => {
    // Intl's punctuation varies between ICU versions; the date, the hour and the zone do not.
    expect(await run(toolNamed('current_time'), {timeZone: 'Asia/Tokyo'})).toMatch(
      /^Tuesday,? 3 June 2025\b.* 21:00:00 \(Asia\/Tokyo\)$/,
    );
    await expectAsync(run(toolNamed('current_time'), {timeZone: 'Mars/Olympus'})).toBeRejectedWithError(RangeError);
  });

  it('looks facts up, and says when it knows none', async () => {
    expect(await run(toolNamed('llm_rx_facts'), {query: 'cascade'})).toMatch(/^A cascade fails over/);
    expect(await run(toolNamed('llm_rx_facts'), {query: 'sky'})).toBe('No fact about "sky".');
  });

  it('waits its latency, and stops waiting when its call is cancelled', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const answer = run(toolNamed('calculator', 10_000), {expression: '1+1'}, controller.signal);
    controller.abort(new Error('the user stopped'));
    await expectAsync(answer).toBeRejectedWithError('the user stopped');
    expect(performance.now() - started).toBeLessThan(1000);
    const slow = run(toolNamed('calculator', 30), {expression: '1+1'});
    await expectAsync(slow).toBeResolvedTo(2);
  });

  it('formats a moment in a time zone', () => {
    expect(formatTimeIn(NOON_UTC, 'UTC')).toMatch(/^Tuesday,? 3 June 2025\b.* 12:00:00 \(UTC\)$/);
  });
});
