import {simulatedAnswer, withSimulatedAnswer} from './simulated-answer';

describe('simulatedAnswer', () => {
  it('is the same for the same prompt and differs for another', () => {
    expect(simulatedAnswer('Why is the sky blue?')).toBe(simulatedAnswer('Why is the sky blue?'));
    expect(simulatedAnswer('Why is the sky blue?')).not.toBe(simulatedAnswer('Why is grass green?'));
  });

  it('names the question in a heading and quotes it in a paragraph', () => {
    const answer = simulatedAnswer('Why is the sky blue?');
    expect(answer.split('\n')[0]).toBe('## About “Why is the sky blue?”');
    expect(answer).toContain('You asked: *“Why is the sky blue?”*');
  });

  it('has a list, a code block and a table', () => {
    const answer = simulatedAnswer('How do cascades fail over?');
    expect(answer).toMatch(/^1\. \*\*/m);
    expect(answer).toMatch(/^```ts\n[\s\S]+\n```$/m);
    expect(answer).toContain('| Measure | Value |\n| --- | --- |\n| Words | 5 |');
  });

  it('keeps markdown of the prompt out of the heading and shortens a long prompt', () => {
    const answer = simulatedAnswer(`# **Bold** ${'word '.repeat(200)}`);
    const heading = answer.split('\n')[0];
    expect(heading).not.toContain('**');
    expect(heading.length).toBeLessThan(80);
    expect(answer.length).toBeLessThan(1200);
  });

  it('answers an empty prompt too', () => {
    expect(simulatedAnswer('  ')).toContain('## About “your question”');
  });
});

describe('withSimulatedAnswer', () => {
  it('adds the answer as text= to a scenario that says nothing of the text', () => {
    const scenario = withSimulatedAnswer('chunkDelay=30', 'Hi');
    expect(scenario.startsWith('chunkDelay=30;text=')).toBe(true);
    expect(decodeURIComponent(scenario.split(';text=')[1])).toBe(simulatedAnswer('Hi'));
    expect(withSimulatedAnswer('', 'Hi')).toBe(`text=${encodeURIComponent(simulatedAnswer('Hi'))}`);
  });

  it('keeps a scenario with its own text, chunk count or error', () => {
    for (const scenario of ['text=Hello', 'chunks=5;chunkDelay=0', 'status=529', 'tag=a; chunks=3']) {
      expect(withSimulatedAnswer(scenario, 'Hi')).toBe(scenario);
    }
  });
});
