import {modelOfBody, sseEvent} from './sse-event';

describe('sseEvent', () => {
  it('writes a data line and the blank line that ends the event', () => {
    expect(sseEvent({a: 1})).toBe('data: {"a":1}\n\n');
  });

  it('writes an event line first when named, and strings as they are', () => {
    expect(sseEvent({type: 'ping'}, 'ping')).toBe('event: ping\ndata: {"type":"ping"}\n\n');
    expect(sseEvent('[DONE]')).toBe('data: [DONE]\n\n');
  });
});

describe('modelOfBody', () => {
  it('reads a string model and falls back otherwise', () => {
    expect(modelOfBody({model: 'gpt-5'})).toBe('gpt-5');
    expect(modelOfBody({model: 3})).toBe('unknown-model');
    expect(modelOfBody(null)).toBe('unknown-model');
    expect(modelOfBody('text')).toBe('unknown-model');
  });
});
