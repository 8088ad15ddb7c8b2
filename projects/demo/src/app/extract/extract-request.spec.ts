import {CONTACT_CARD_EXAMPLE} from './contact-card-example';
import type {ExtractExample} from './extract-example';
import {extractRequest} from './extract-request';

describe('extractRequest', () => {
  it('asks for the example schema, with the text as the prompt', () => {
    const example = CONTACT_CARD_EXAMPLE as ExtractExample;
    const request = extractRequest(example, 'Ada Lovelace, ada@example.com');
    expect(request.userPrompt).toBe('Ada Lovelace, ada@example.com');
    expect(request.output).toBe(example.output);
    expect(request.systemPrompt).toContain('"contact_card" schema');
  });
});
