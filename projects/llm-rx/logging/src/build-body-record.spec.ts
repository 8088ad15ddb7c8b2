import {resolveLlmOutput} from 'llm-rx';
import {z} from 'zod';
import {buildBodyRecord} from './build-body-record';

describe('buildBodyRecord', () => {
  it('keeps prompts and sampling parameters, never headers, provider options or the signal', () => {
    const body = buildBodyRecord({
      id: 'call-1',
      traceId: 'trace-1',
      request: {
        systemPrompt: 'Be brief.',
        messages: [
          {role: 'user', content: 'Hi'},
          {role: 'assistant', content: 'Hello'},
          {role: 'user', content: 'Bye'},
        ],
        temperature: 0.2,
        topP: 0.9,
        maxTokens: 50,
        stopSequences: ['END'],
        headers: {authorization: 'Bearer sk-secret'},
        providerOptions: {openai: {user: 'x'}},
        signal: new AbortController().signal,
      },
      response: null,
    });
    expect(body).toEqual({
      id: 'call-1',
      traceId: 'trace-1',
      request: {
        systemPrompt: 'Be brief.',
        messages: [
          {role: 'user', content: 'Hi'},
          {role: 'assistant', content: 'Hello'},
          {role: 'user', content: 'Bye'},
        ],
        temperature: 0.2,
        topP: 0.9,
        maxTokens: 50,
        stopSequences: ['END'],
      },
      response: null,
    });
    expect(() => structuredClone(body)).not.toThrow();
  });

  it('passes each text through the redaction hook with its kind', () => {
    const body = buildBodyRecord(
      {
        id: 'call-1',
        traceId: 'trace-1',
        request: {systemPrompt: 'sys', userPrompt: 'user', messages: [{role: 'user', content: 'message'}]},
        response: {text: 'answer', reasoning: 'thought'},
      },
      (text, kind) => `${kind}:${text.length}`,
    );
    expect(body.request).toEqual({
      systemPrompt: 'system:3',
      userPrompt: 'prompt:4',
      messages: [{role: 'user', content: 'prompt:7'}],
    });
    expect(body.response).toEqual({text: 'response:6', reasoning: 'reasoning:7'});
  });

  it('stores no request when it is unknown', () => {
    expect(buildBodyRecord({id: 'a', traceId: 't', response: {text: 'x', reasoning: ''}}).request).toBeNull();
  });
});

describe('buildBodyRecord for a request with output', () => {
  const Contact = z.object({name: z.string().describe('Full name'), email: z.string()});
  const output = {schema: Contact, name: 'contact', description: 'A contact card'};
  const request = {userPrompt: 'Ada, ada@example.com', output};

  it("stores the output's name, description and JSON Schema, never the Standard Schema object", () => {
    const body = buildBodyRecord({id: 'a', traceId: 't', request, output: resolveLlmOutput(output), response: null});
    expect(body.request?.output).toEqual({
      name: 'contact',
      description: 'A contact card',
      jsonSchema: resolveLlmOutput(output).jsonSchema,
    });
    expect(body.request?.output?.jsonSchema['properties']).toEqual(
      jasmine.objectContaining({name: jasmine.objectContaining({type: 'string', description: 'Full name'})}),
    );
    expect(JSON.stringify(body)).not.toContain('~standard');
    // What IndexedDB does to a row: a Standard Schema (it has functions) would throw a DataCloneError here.
    expect(() => structuredClone(body)).not.toThrow();
  });

  it('stores the validated object, and nothing of it for prose', () => {
    const object = {name: 'Ada', email: 'ada@example.com'};
    const body = buildBodyRecord({
      id: 'a',
      traceId: 't',
      request,
      output: resolveLlmOutput(output),
      response: {text: JSON.stringify(object), reasoning: '', object},
    });
    expect(body.response).toEqual({text: JSON.stringify(object), reasoning: '', object});
    expect(body.response?.object).not.toBe(object);
    const prose = buildBodyRecord({id: 'b', traceId: 't', response: {text: 'Hi', reasoning: ''}});
    expect(prose.response).toEqual({text: 'Hi', reasoning: ''});
    expect(prose.request).toBeNull();
  });

  it("stores a schema output's transforms as their JSON form, so that IndexedDB can always clone it", () => {
    class Card {
      constructor(readonly name: string) {}
      greet(): string {
        return `Hi ${this.name}`;
      }
    }
    const object = {born: new Date(Date.UTC(1815, 11, 10)), card: new Card('Ada'), format: () => 'x', id: 10n};
    const body = buildBodyRecord({id: 'a', traceId: 't', response: {text: '{}', reasoning: '', object}});
    expect(body.response?.object).toEqual({born: '1815-12-10T00:00:00.000Z', card: {name: 'Ada'}, id: '10'});
    expect(() => structuredClone(body)).not.toThrow();
  });

  it('passes every string and key of the object through the hook as response, and the description as system', () => {
    const kinds = new Map<string, string>();
    const redact = (text: string, kind: string) => {
      kinds.set(text, kind);
      return text.replace(/[\w.]+@[\w.]+/g, '[email]');
    };
    const object = {name: 'Ada', emails: ['ada@example.com'], byEmail: {'ada@example.com': 1}};
    const body = buildBodyRecord(
      {
        id: 'a',
        traceId: 't',
        request: {...request, output: {...output, description: 'Mail admin@example.com'}},
        output: resolveLlmOutput({...output, description: 'Mail admin@example.com'}),
        response: {text: JSON.stringify(object), reasoning: '', object},
      },
      redact,
    );
    expect(body.response?.object).toEqual({name: 'Ada', emails: ['[email]'], byEmail: {'[email]': 1}});
    expect(body.request?.output?.description).toBe('Mail [email]');
    expect(kinds.get('ada@example.com')).toBe('response');
    expect(kinds.get('byEmail')).toBe('response');
    expect(kinds.get('Mail admin@example.com')).toBe('system');
    // The JSON Schema is stored as sent: it is the program's, like the output's name.
    expect(body.request?.output?.jsonSchema).toEqual(resolveLlmOutput(output).jsonSchema);
    expect(JSON.stringify(body)).not.toContain('example.com');
  });

  it("keeps an object error's kind and issues and a refusal's text, redacted as the answer", () => {
    const redact = (text: string) => text.replace(/[\w.]+@[\w.]+/g, '[email]');
    const failed = buildBodyRecord(
      {
        id: 'a',
        traceId: 't',
        response: {
          text: '{"email": "ada@example"',
          reasoning: '',
          objectError: {
            kind: 'schema-mismatch',
            issues: [
              {message: 'Invalid email: ada@example', path: ['emails', 0]},
              {message: 'Unknown key', path: ['bob@example.com']},
            ],
          },
        },
      },
      redact,
    );
    expect(failed.response).toEqual({
      text: '{"email": "[email]"',
      reasoning: '',
      objectError: {
        kind: 'schema-mismatch',
        issues: [
          {message: 'Invalid email: [email]', path: ['emails', 0]},
          {message: 'Unknown key', path: ['[email]']},
        ],
      },
    });
    const refused = buildBodyRecord(
      {id: 'b', traceId: 't', response: {text: '', reasoning: '', refusal: 'Not for bob@example.com'}},
      redact,
    );
    expect(refused.response).toEqual({text: '', reasoning: '', refusal: 'Not for [email]'});
  });
});
