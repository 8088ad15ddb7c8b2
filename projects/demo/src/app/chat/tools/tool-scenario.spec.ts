import {simulatedToolCall, toolScenarioKeys} from './tool-scenario';

const argsOf = (prompt: string) => {
  const {toolName, toolArgs} = simulatedToolCall(prompt, 'Europe/Paris');
  return [toolName, JSON.parse(toolArgs) as unknown];
};

describe('simulatedToolCall', () => {
  it('calls the calculator with the arithmetic of the prompt', () => {
    expect(argsOf('What is 12*(3+4)?')).toEqual(['calculator', {expression: '12*(3+4)'}]);
    expect(argsOf('Compute (1.5 + 2) / 7 please')).toEqual(['calculator', {expression: '(1.5 + 2) / 7'}]);
    expect(argsOf('2 - 3, then 10 * 20 * 30')).toEqual(['calculator', {expression: '10 * 20 * 30'}]);
  });

  it('calls the clock for the time, in the zone of a city it names or the local one', () => {
    expect(argsOf('What time is it in Tokyo?')).toEqual(['current_time', {timeZone: 'Asia/Tokyo'}]);
    expect(argsOf('Which date is it in New York?')).toEqual(['current_time', {timeZone: 'America/New_York'}]);
    expect(argsOf('What time is it?')).toEqual(['current_time', {timeZone: 'Europe/Paris'}]);
  });

  it('looks anything else up, numbers without an operator included', () => {
    expect(argsOf('  How do cascades fail over? ')).toEqual(['llm_rx_facts', {query: 'How do cascades fail over?'}]);
    expect(argsOf('Is llm-rx 1.0 out in 2025?')).toEqual(['llm_rx_facts', {query: 'Is llm-rx 1.0 out in 2025?'}]);
    expect(argsOf('Sometimes')).toEqual(['llm_rx_facts', {query: 'Sometimes'}]);
  });
});

describe('simulatedToolCall final answers', () => {
  it("answers with what the tool gives: the calculator's result, the time, the facts found", () => {
    expect(simulatedToolCall('What is 12*(3+4)?', 'UTC').finalText).toContain('`12*(3+4)` = **84**');
    const moment = new Date(Date.UTC(2026, 11, 2, 6, 30, 0));
    expect(simulatedToolCall('What time is it in Tokyo?', 'UTC', moment).finalText).toContain('15:30:00 (Asia/Tokyo)');
    expect(simulatedToolCall('How do cascades fail over?', 'UTC').finalText).toContain('- **');
    expect(simulatedToolCall('Sometimes', 'UTC').finalText).toContain('say nothing');
    expect(simulatedToolCall('What is 1/0?', 'UTC').finalText).toContain('could not work out');
  });
});

describe('toolScenarioKeys', () => {
  it('encodes the tool, its arguments in pieces of about four characters, and the final answer', () => {
    const keys = toolScenarioKeys({
      toolName: 'calculator',
      toolArgs: '{"expression":"12*(3+4)"}',
      finalText: 'It is 84; done.',
    });
    expect(keys).toEqual([
      'toolName=calculator',
      `toolArgs=${encodeURIComponent('{"expression":"12*(3+4)"}')}`,
      'toolChunks=7',
      `finalText=${encodeURIComponent('It is 84; done.')}`,
    ]);
    // Each part is one key=value pair the mock server can split on `;`.
    for (const part of keys) expect(part).toMatch(/^[a-zA-Z]+=[^=;]*$/);
  });
});
