import {LlmObjectError, LlmProviderError, LlmRefusalError, LlmTruncationError} from 'llm-rx';
import {usagePart} from 'llm-rx/testing';
import {describeExtractError, formatIssuePath} from './describe-extract-error';

const usage = usagePart({provider: 'openai', model: 'gpt-5-nano', totalCost: 0.00002}).usage;

describe('describeExtractError', () => {
  it('lists the issues of an object the schema refused, with the raw text and the usage', () => {
    const error = new LlmObjectError(
      {
        kind: 'schema-mismatch',
        schemaName: 'contact_card',
        rawText: '{"email": "nope"}',
        issues: [
          {path: ['email'], message: 'Invalid email address'},
          {path: ['address', 'postalCode'], message: 'Invalid input'},
        ],
      },
      usage,
    );
    const description = describeExtractError(error, 'ignored');
    expect(description.kind).toBe('schema-mismatch');
    expect(description.title).toBe('The JSON does not match the schema (2 issues).');
    expect(description.issues).toEqual([
      {path: 'email', message: 'Invalid email address'},
      {path: 'address.postalCode', message: 'Invalid input'},
    ]);
    expect(description.rawText).toBe('{"email": "nope"}');
    expect(description.message).toContain('does not match the "contact_card" schema');
    expect(description.usage).toBe(usage);
  });

  it('tells invalid JSON, a refusal and a cut-off answer apart, each with what the model sent', () => {
    const invalid = new LlmObjectError(
      {kind: 'invalid-json', schemaName: 'recipe', rawText: '{"a": 1,}', issues: [{path: [], message: 'bad "}"'}]},
      usage,
    );
    expect(describeExtractError(invalid, '')).toEqual(
      jasmine.objectContaining({
        kind: 'invalid-json',
        rawText: '{"a": 1,}',
        issues: [{path: '(root)', message: 'bad "}"'}],
      }),
    );
    expect(describeExtractError(new LlmRefusalError('No.', usage), '')).toEqual(
      jasmine.objectContaining({kind: 'refusal', rawText: 'No.', usage}),
    );
    expect(describeExtractError(new LlmTruncationError('{"title": "Sou', usage, 1024), '')).toEqual(
      jasmine.objectContaining({kind: 'truncated', rawText: '{"title": "Sou', usage}),
    );
  });

  it('describes any other error as the chat does, with the text streamed so far', () => {
    const error = new LlmProviderError('boom', {provider: 'openai', model: 'gpt-5-nano', statusCode: 529});
    const description = describeExtractError(error, '{"name": "Gr');
    expect(description.kind).toBe('other');
    expect(description.title).toContain('overloaded (529)');
    expect(description.rawText).toBe('{"name": "Gr');
    expect(description.usage).toBeUndefined();
  });
});

describe('formatIssuePath', () => {
  it('writes keys with dots and indexes in brackets', () => {
    expect(formatIssuePath([])).toBe('(root)');
    expect(formatIssuePath(['lines', 2, 'unitPrice'])).toBe('lines[2].unitPrice');
    expect(formatIssuePath([0])).toBe('[0]');
  });
});
