import {cohereUserContent, toCohereMessages} from './cohere-messages';

describe('toCohereMessages', () => {
  it('maps user and assistant text as it is', () => {
    expect(
      toCohereMessages([
        {role: 'user', content: 'Hi'},
        {role: 'assistant', content: 'Hello!'},
        {role: 'assistant', content: 'Still here.', toolCalls: []},
      ]),
    ).toEqual([
      {role: 'user', content: 'Hi'},
      {role: 'assistant', content: 'Hello!'},
      {role: 'assistant', content: 'Still here.'},
    ]);
  });

  it('sends an assistant turn’s calls with their ids and JSON arguments, and its text as the tool plan', () => {
    expect(
      toCohereMessages([
        {
          role: 'assistant',
          content: 'Looking it up.',
          toolCalls: [
            {toolCallId: 'weather_1', toolName: 'weather', input: {city: 'Zürich "Old"'}},
            {toolCallId: 'clock_2', toolName: 'clock', input: undefined},
          ],
        },
      ]),
    ).toEqual([
      {
        role: 'assistant',
        toolPlan: 'Looking it up.',
        toolCalls: [
          {id: 'weather_1', type: 'function', function: {name: 'weather', arguments: '{"city":"Zürich \\"Old\\""}'}},
          {id: 'clock_2', type: 'function', function: {name: 'clock', arguments: '{}'}},
        ],
      },
    ]);
  });

  it('sends no content and no tool plan beside calls when the turn has no text', () => {
    const [message] = toCohereMessages([
      {role: 'assistant', content: '', toolCalls: [{toolCallId: 'c1', toolName: 'clock', input: {}}]},
    ]);
    expect(Object.keys(message).sort()).toEqual(['role', 'toolCalls']);
  });

  it('sends each result as its own tool message: text as it is, values as JSON, failures as {"error": …}', () => {
    expect(
      toCohereMessages([
        {role: 'tool', toolCallId: 'a', toolName: 'clock', output: '09:30'},
        {role: 'tool', toolCallId: 'b', toolName: 'weather', output: {temperature: 21}, isError: false},
        {role: 'tool', toolCallId: 'c', toolName: 'weather', output: 'city not found', isError: true},
        {role: 'tool', toolCallId: 'd', toolName: 'weather', output: undefined, isError: true},
      ]),
    ).toEqual([
      {role: 'tool', toolCallId: 'a', content: '09:30'},
      {role: 'tool', toolCallId: 'b', content: '{"temperature":21}'},
      {role: 'tool', toolCallId: 'c', content: '{"error":"city not found"}'},
      {role: 'tool', toolCallId: 'd', content: '{"error":null}'},
    ]);
  });
});

describe('cohereUserContent', () => {
  it('maps text and images in order as text and image_url parts (bytes as a data URL)', () => {
    expect(
      cohereUserContent([
        {type: 'text', text: 'Describe.'},
        {type: 'image', image: 'https://example.com/a.jpg'},
        {type: 'image', image: 'data:image/png;base64,iVBORw==', mediaType: 'image/png'},
      ]),
    ).toEqual([
      {type: 'text', text: 'Describe.'},
      {type: 'image_url', imageUrl: {url: 'https://example.com/a.jpg'}},
      {type: 'image_url', imageUrl: {url: 'data:image/png;base64,iVBORw=='}},
    ]);
  });

  it('keeps a plain string as it is', () => {
    expect(cohereUserContent('Hi')).toBe('Hi');
  });
});
