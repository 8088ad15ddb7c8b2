import {DEFAULT_MOCK_TEXT} from '../../projects/mock-providers/src/mock-plan';
import type {ToolLoopResult} from './tool-loop-consumers';
import {assertToolLoopsAgree} from './tool-loop-result';

describe('assertToolLoopsAgree', () => {
  const whole: ToolLoopResult = {steps: 5, toolResults: 4, text: DEFAULT_MOCK_TEXT, inputTokens: 210, outputTokens: 21};
  const raw = {library: 'raw SDK', result: whole} as const;

  it('accepts five calls, four tool results, the text and the raw SDK’s usage', () => {
    expect(() => assertToolLoopsAgree([raw, {library: 'llm-rx', result: {...whole}}])).not.toThrow();
  });

  it('rejects another number of calls or tool results, another text or another usage', () => {
    const check = (result: Partial<ToolLoopResult>) => () =>
      assertToolLoopsAgree([raw, {library: 'Vercel AI SDK', result: {...whole, ...result}}]);
    expect(check({steps: 4})).toThrowError(/Vercel AI SDK's tool loop: 4 model calls, expected 5/);
    expect(check({toolResults: 5})).toThrowError(/5 tool results, expected 4/);
    expect(check({text: ''})).toThrowError(/text differs/);
    expect(check({outputTokens: 20})).toThrowError(/usage differs \(210\/20 vs raw SDK's 210\/21/);
  });

  it('checks the reference too, and needs one', () => {
    expect(() => assertToolLoopsAgree([{library: 'raw SDK', result: {...whole, steps: 6}}])).toThrowError(
      /raw SDK's tool loop: 6 model calls/,
    );
    expect(() => assertToolLoopsAgree([])).toThrowError(/no tool loop results/);
  });
});
