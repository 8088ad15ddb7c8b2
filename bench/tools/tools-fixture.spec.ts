import {parseScenario} from '../../projects/mock-providers/src/scenario';
import {objectBenchRecordsOf} from '../object/object-answer-wire';
import {argumentRequest, LOOP_STEPS, LOOP_TOOL, loopToolOutput, toolLoopScenario} from './tools-fixture';

describe('toolLoopScenario', () => {
  it('asks for one tool call in each answer but the last of the loop', () => {
    expect(parseScenario(toolLoopScenario('loop'))).toEqual({tag: 'loop', toolRounds: LOOP_STEPS - 1, toolCalls: 1});
    expect(LOOP_STEPS).toBe(5);
  });
});

describe('loopToolOutput', () => {
  it('answers at once with the city it was given', () => {
    const input = LOOP_TOOL.inputSchema.parse({city: 'Paris'});
    expect(loopToolOutput(input)).toEqual({city: 'Paris', temperatureCelsius: 21, sky: 'clear'});
  });
});

describe('argumentRequest', () => {
  it('sends the same prompt both ways, and asks for text or for one call in the same pieces', () => {
    const text = argumentRequest('text', 38, 2_000);
    const tool = argumentRequest('tool-arguments', 38, 2_000);
    expect(text.prompt).toBe(tool.prompt);
    expect(objectBenchRecordsOf({input: text.prompt})).toBe(38);
    expect(parseScenario(text.scenario)).toEqual(jasmine.objectContaining({chunks: 2_000, toolCalls: 0}));
    expect(parseScenario(tool.scenario)).toEqual(
      jasmine.objectContaining({toolChunks: 2_000, toolCalls: 1, toolRounds: 1}),
    );
    // Pieces of the tool arguments are not text chunks: the call's answer has no text.
    expect(parseScenario(tool.scenario).chunks).toBeUndefined();
  });
});
