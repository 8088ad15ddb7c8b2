import {LLM_RX_FACTS, lookUpFacts} from './llm-rx-facts';

describe('lookUpFacts', () => {
  it('knows a dozen facts, each under its own topic', () => {
    expect(LLM_RX_FACTS.length).toBe(12);
    expect(new Set(LLM_RX_FACTS.map(fact => fact.topic)).size).toBe(12);
  });

  it('finds the facts sharing the most words with the question, best first, in any case', () => {
    expect(lookUpFacts('How does a CASCADE fail over?').map(fact => fact.topic)).toEqual(['Cascades']);
    expect(lookUpFacts('What does a call cost, and how many tokens?').map(fact => fact.topic)).toEqual([
      'Cost',
      'Usage',
    ]);
    expect(lookUpFacts('tools tool calling loop', 1).map(fact => fact.topic)).toEqual(['Tools']);
  });

  it('finds nothing for a question without a known word', () => {
    expect(lookUpFacts('Why is the sky blue?')).toEqual([]);
    expect(lookUpFacts('')).toEqual([]);
  });
});
