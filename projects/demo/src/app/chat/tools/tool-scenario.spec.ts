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

describe('toolScenarioKeys', () => {
  it('encodes the tool and its arguments, in pieces of about four characters', () => {
    const keys = toolScenarioKeys({toolName: 'calculator', toolArgs: '{"expression":"12*(3+4)"}'});
    expect(keys).toEqual([
      'toolName=calculator',
      `toolArgs=${encodeURIComponent('{"expression":"12*(3+4)"}')}`,
      'toolChunks=7',
    ]);
    // Each part is one key=value pair the mock server can split on `;`.
    for (const part of keys) expect(part).toMatch(/^[a-zA-Z]+=[^=;]*$/);
  });
});
