import type {LlmToolCallEnd} from 'llm-rx';
import type {LlmRedactionKind} from './build-body-record';
import {buildBodyRecord} from './build-body-record';

const maskEmails = (text: string) => text.replace(/[\w.]+@[\w.]+/g, '[email]');

// What a body keeps of tools: the answer's tool calls (from its tool-call-end parts) and the conversation's tool
// calls and results, every string of their JSON passed through the redaction hook.
describe('buildBodyRecord with tools', () => {
  it("stores the answer's tool calls: id, name and the input's JSON form, never the provider's data", () => {
    const input = {to: 'Ada', at: new Date(Date.UTC(2025, 0, 1)), format: () => 'x'};
    // The part as the stream gives it, which the log keeps until the call ends.
    const ended: LlmToolCallEnd = {
      type: 'tool-call-end',
      toolCallId: 'call-1',
      toolName: 'send',
      input,
      argumentsText: '{"to":"Ada","at":"2025-01-01T00:00:00.000Z"}',
      providerData: {gemini: {thoughtSignature: 'opaque'}},
    };
    const body = buildBodyRecord({id: 'a', traceId: 't', response: {text: '', reasoning: '', toolCalls: [ended]}});
    expect(body.response?.toolCalls).toEqual([
      {toolCallId: 'call-1', toolName: 'send', input: {to: 'Ada', at: '2025-01-01T00:00:00.000Z'}},
    ]);
    expect(body.response?.toolCalls?.[0].input).not.toBe(input);
    expect(JSON.stringify(body)).not.toContain('opaque');
    expect(() => structuredClone(body)).not.toThrow();
  });

  it('keeps the argument text and issues of a call that cannot run, redacted as the answer', () => {
    const kinds = new Map<string, LlmRedactionKind>();
    const body = buildBodyRecord(
      {
        id: 'a',
        traceId: 't',
        response: {
          text: '',
          reasoning: '',
          toolCalls: [
            {
              toolCallId: 'call-1',
              toolName: 'send',
              input: undefined,
              argumentsText: '{"to": "ada@example.com"',
              issues: [{message: 'Unexpected end near ada@example.com', path: [], position: 24}],
            },
            {
              toolCallId: 'call-2',
              toolName: 'send',
              input: {to: 42},
              argumentsText: '{"to": 42}',
              issues: [{message: 'Expected string', path: ['to']}],
            },
          ],
        },
      },
      (text, kind) => {
        kinds.set(text, kind);
        return maskEmails(text);
      },
    );
    expect(body.response?.toolCalls).toEqual([
      {
        toolCallId: 'call-1',
        toolName: 'send',
        input: undefined,
        argumentsText: '{"to": "[email]"',
        issues: [{message: 'Unexpected end near [email]', path: [], position: 24}],
      },
      {
        toolCallId: 'call-2',
        toolName: 'send',
        input: {to: 42},
        argumentsText: '{"to": 42}',
        issues: [{message: 'Expected string', path: ['to']}],
      },
    ]);
    expect(kinds.get('{"to": 42}')).toBe('response');
    expect(kinds.get('to')).toBe('response');
  });

  it("passes each string and key of a tool call's input through the hook as response", () => {
    const kinds = new Map<string, LlmRedactionKind>();
    const body = buildBodyRecord(
      {
        id: 'a',
        traceId: 't',
        response: {
          text: 'Sending',
          reasoning: '',
          toolCalls: [
            {
              toolCallId: 'call-1',
              toolName: 'send',
              input: {to: ['ada@example.com'], byEmail: {'bob@example.com': 1}},
              argumentsText: 'never stored for a valid call: ada@example.com',
            },
          ],
        },
      },
      (text, kind) => {
        kinds.set(text, kind);
        return maskEmails(text);
      },
    );
    expect(body.response?.toolCalls).toEqual([
      {toolCallId: 'call-1', toolName: 'send', input: {to: ['[email]'], byEmail: {'[email]': 1}}},
    ]);
    expect(kinds.get('ada@example.com')).toBe('response');
    expect(kinds.get('byEmail')).toBe('response');
    expect(JSON.stringify(body)).not.toContain('example.com');
  });

  it("redacts the conversation's tool calls and tool results, keeping ids, names and isError", () => {
    const kinds = new Map<string, LlmRedactionKind>();
    const body = buildBodyRecord(
      {
        id: 'a',
        traceId: 't',
        request: {
          messages: [
            {role: 'user', content: 'Mail ada@example.com'},
            {
              role: 'assistant',
              content: '',
              toolCalls: [
                {
                  toolCallId: 'call-1',
                  toolName: 'send',
                  input: {to: 'ada@example.com'},
                  providerData: {gemini: {thoughtSignature: 'opaque'}},
                },
              ],
            },
            {
              role: 'tool',
              toolCallId: 'call-1',
              toolName: 'send',
              output: {deliveredTo: 'ada@example.com'},
              isError: false,
            },
          ],
        },
        response: null,
      },
      (text, kind) => {
        kinds.set(text, kind);
        return maskEmails(text);
      },
    );
    expect(body.request?.messages).toEqual([
      {role: 'user', content: 'Mail [email]'},
      {role: 'assistant', content: '', toolCalls: [{toolCallId: 'call-1', toolName: 'send', input: {to: '[email]'}}]},
      {role: 'tool', toolCallId: 'call-1', toolName: 'send', output: {deliveredTo: '[email]'}, isError: false},
    ]);
    expect(kinds.get('deliveredTo')).toBe('prompt');
    expect(JSON.stringify(body)).not.toMatch(/example\.com|opaque/);
  });

  it('stores no tool calls for an answer without any', () => {
    expect(buildBodyRecord({id: 'a', traceId: 't', response: {text: 'Hi', reasoning: ''}}).response).toEqual({
      text: 'Hi',
      reasoning: '',
    });
  });
});
