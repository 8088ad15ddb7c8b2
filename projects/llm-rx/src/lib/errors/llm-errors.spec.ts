import {NO_TOKENS, type LlmAttempt, type LlmUsage} from '../usage/llm-usage';
import {LlmCascadeError} from './llm-cascade-error';
import {LlmConfigurationError} from './llm-configuration-error';
import {LlmError} from './llm-error';
import {LlmImageInputError} from './llm-image-input-error';
import {LlmInvalidRequestError} from './llm-invalid-request-error';
import {isRetryableStatus, LlmProviderError} from './llm-provider-error';
import {LlmTimeoutError} from './llm-timeout-error';
import {LlmTruncationError} from './llm-truncation-error';
import {LlmAnswerError} from './llm-answer-error';
import {LlmObjectError} from './llm-object-error';
import {LlmRefusalError} from './llm-refusal-error';

const usage: LlmUsage = {
  provider: 'openai',
  model: 'gpt-test',
  ...NO_TOKENS,
  outputTokens: 256,
  inputCost: null,
  outputCost: null,
  totalCost: null,
  timeToFirstChunkMs: 10,
  responseTimeMs: 20,
  finishReason: {unified: 'length', raw: 'length'},
  attempts: [],
};

type ErrorClass = {isInstance(error: unknown): boolean; name: string};

const classes: readonly ErrorClass[] = [
  LlmError,
  LlmConfigurationError,
  LlmInvalidRequestError,
  LlmImageInputError,
  LlmProviderError,
  LlmTimeoutError,
  LlmTruncationError,
  LlmCascadeError,
  LlmAnswerError,
  LlmObjectError,
  LlmRefusalError,
];

/** One instance of each class, with the classes it is an instance of. */
function instances(): {error: Error; isA: readonly ErrorClass[]}[] {
  return [
    {error: new LlmError('llm-rx: base'), isA: [LlmError]},
    {error: new LlmConfigurationError('llm-rx: no key'), isA: [LlmError, LlmConfigurationError]},
    {
      error: new LlmInvalidRequestError('temperature', 'llm-rx: bad temperature'),
      isA: [LlmError, LlmConfigurationError, LlmInvalidRequestError],
    },
    {
      error: new LlmImageInputError('image-too-large', 'messages[0].content[1]', 'llm-rx: too large'),
      isA: [LlmError, LlmConfigurationError, LlmInvalidRequestError, LlmImageInputError],
    },
    {
      error: new LlmProviderError('llm-rx: 500', {provider: 'openai', statusCode: 500}),
      isA: [LlmError, LlmProviderError],
    },
    {error: new LlmTimeoutError({kind: 'idle', timeoutMs: 5, chunksSeen: 2}), isA: [LlmError, LlmTimeoutError]},
    {error: new LlmTruncationError('partial', usage, 256), isA: [LlmError, LlmAnswerError, LlmTruncationError]},
    {
      error: new LlmObjectError({kind: 'invalid-json', schemaName: 'contact', rawText: 'Hi', issues: []}, usage),
      isA: [LlmError, LlmAnswerError, LlmObjectError],
    },
    {error: new LlmRefusalError('No.', usage), isA: [LlmError, LlmAnswerError, LlmRefusalError]},
    {error: new LlmCascadeError([]), isA: [LlmError, LlmCascadeError]},
  ];
}

describe('llm-rx errors', () => {
  describe('isInstance', () => {
    for (const {error, isA} of instances()) {
      it(`recognises a ${error.name} as exactly ${isA.map(errorClass => errorClass.name).join(', ')}`, () => {
        expect(error).toBeInstanceOf(Error);
        for (const errorClass of classes) {
          expect(errorClass.isInstance(error))
            .withContext(`${errorClass.name}.isInstance(${error.name})`)
            .toBe(isA.includes(errorClass));
        }
      });
    }

    it('rejects non-errors and plain Errors', () => {
      for (const value of [undefined, null, 'LlmError', 42, {}, new Error('llm-rx: lookalike'), new TypeError('x')]) {
        for (const errorClass of classes) {
          expect(errorClass.isInstance(value))
            .withContext(`${errorClass.name}.isInstance(${String(value)})`)
            .toBeFalse();
        }
      }
    });

    it('works across duplicated bundles: a plain object carrying the markers', () => {
      const fromOtherBundle = {
        [Symbol.for('llm-rx.error')]: true,
        [Symbol.for('llm-rx.provider-error')]: true,
        message: 'llm-rx: 503',
      };
      expect(LlmError.isInstance(fromOtherBundle)).toBeTrue();
      expect(LlmProviderError.isInstance(fromOtherBundle)).toBeTrue();
      expect(LlmTimeoutError.isInstance(fromOtherBundle)).toBeFalse();
    });

    it('works across duplicated bundles: another copy of a class with the same markers', () => {
      const errorMarker = Symbol.for('llm-rx.error');
      const configurationMarker = Symbol.for('llm-rx.configuration-error');
      const invalidRequestMarker = Symbol.for('llm-rx.invalid-request-error');
      class CopiedInvalidRequestError extends Error {
        readonly [errorMarker] = true;
        readonly [configurationMarker] = true;
        readonly [invalidRequestMarker] = true;
      }
      const copy = new CopiedInvalidRequestError('llm-rx: bad topP');
      expect(copy instanceof LlmInvalidRequestError).toBeFalse();
      expect(LlmInvalidRequestError.isInstance(copy)).toBeTrue();
      expect(LlmConfigurationError.isInstance(copy)).toBeTrue();
      expect(LlmError.isInstance(copy)).toBeTrue();
    });

    it('does not accept a marker set to something other than true', () => {
      expect(LlmProviderError.isInstance({[Symbol.for('llm-rx.provider-error')]: 'yes'})).toBeFalse();
    });
  });

  describe('isRetryableStatus', () => {
    const table: readonly [number | undefined, boolean][] = [
      [408, true],
      [409, true],
      [429, false],
      [500, true],
      [502, true],
      [503, true],
      [504, true],
      [529, false],
      [400, false],
      [401, false],
      [undefined, true],
    ];
    for (const [statusCode, isRetryable] of table) {
      it(`says ${statusCode} is ${isRetryable ? '' : 'not '}retryable`, () => {
        expect(isRetryableStatus(statusCode)).toBe(isRetryable);
      });
    }
  });

  describe('LlmProviderError', () => {
    it('defaults isRetryable from the status and keeps every field and the cause', () => {
      const cause = new Error('SDK: 503 Service Unavailable');
      const error = new LlmProviderError('llm-rx: openai answered 503', {
        provider: 'openai',
        model: 'gpt-test',
        statusCode: 503,
        responseBody: {error: {message: 'overloaded'}},
        requestId: 'req_1',
        retryAfterMs: 2000,
        cause,
      });
      expect(error.name).toBe('LlmProviderError');
      expect(error.isRetryable).toBeTrue();
      expect(error.cause).toBe(cause);
      expect(error.provider).toBe('openai');
      expect(error.model).toBe('gpt-test');
      expect(error.responseBody).toEqual({error: {message: 'overloaded'}});
      expect(error.requestId).toBe('req_1');
      expect(error.retryAfterMs).toBe(2000);
    });

    it('lets an explicit isRetryable win over the status', () => {
      expect(new LlmProviderError('llm-rx: 401', {provider: 'openai', statusCode: 401}).isRetryable).toBeFalse();
      expect(
        new LlmProviderError('llm-rx: 429', {provider: 'openai', statusCode: 429, isRetryable: true}).isRetryable,
      ).toBeTrue();
      expect(
        new LlmProviderError('llm-rx: 500', {provider: 'openai', statusCode: 500, isRetryable: false}).isRetryable,
      ).toBeFalse();
    });
  });

  describe('answer errors (object, refusal)', () => {
    const issues = [
      {message: 'Invalid email', path: ['email']},
      {message: 'Expected array', path: ['phones', 0]},
      {message: 'Required', path: []},
      {message: 'Too long', path: ['name']},
    ];

    it('say what was wrong with the object, where, and where the raw text is', () => {
      const mismatch = new LlmObjectError(
        {kind: 'schema-mismatch', schemaName: 'contact', rawText: '{}', issues, value: {}},
        usage,
      );
      expect(mismatch.message).toContain('openai (gpt-test) does not match the "contact" schema');
      expect(mismatch.message).toContain('email: Invalid email; phones.0: Expected array; (root): Required');
      expect(mismatch.message).toContain('(and 1 more)');
      expect(mismatch.message).toContain('error.rawText');
      expect([mismatch.kind, mismatch.rawText, mismatch.issues]).toEqual(['schema-mismatch', '{}', issues]);
      const invalid = new LlmObjectError(
        {kind: 'invalid-json', schemaName: 'contact', rawText: 'Hi', issues: [{message: 'unexpected "H"', path: []}]},
        usage,
      );
      expect(invalid.message).toContain('is not valid JSON for the "contact" object');
    });

    it('quote a refusal, cut to 200 characters', () => {
      const refusal = new LlmRefusalError('x'.repeat(300), usage);
      expect(refusal.message).toContain(`"${'x'.repeat(200)}…"`);
      expect(refusal.refusal.length).toBe(300);
      expect(new LlmRefusalError('', usage).message).not.toContain('""');
    });

    it('are made again with the call usage, keeping what they hold', () => {
      const callUsage = {...usage, responseTimeMs: 99};
      const object = new LlmObjectError(
        {kind: 'schema-mismatch', schemaName: 'contact', rawText: '{}', issues, value: {a: 1}},
        usage,
      )._withUsage(callUsage);
      expect(LlmObjectError.isInstance(object)).toBeTrue();
      expect([object.usage, object.details.value, object.issues]).toEqual([callUsage, {a: 1}, issues]);
      const refusal = new LlmRefusalError('No.', usage)._withUsage(callUsage);
      expect([refusal.refusal, refusal.usage]).toEqual(['No.', callUsage]);
      const truncation = new LlmTruncationError('part', usage, 256)._withUsage(callUsage);
      expect([truncation.partialContent, truncation.maxTokens, truncation.usage]).toEqual(['part', 256, callUsage]);
    });
  });

  describe('context and causes', () => {
    it('keeps the cause of base and configuration errors', () => {
      const cause = new Error('underlying');
      expect(new LlmError('llm-rx: x', {cause}).cause).toBe(cause);
      expect(new LlmConfigurationError('llm-rx: y', {cause}).cause).toBe(cause);
    });

    it('names the field of an invalid request', () => {
      const error = new LlmInvalidRequestError('topP', 'llm-rx: topP must be …');
      expect(error.field).toBe('topP');
      expect(error.name).toBe('LlmInvalidRequestError');
    });

    it('gives a timeout its info and the option to raise in the message', () => {
      const info = {kind: 'first-chunk', timeoutMs: 1500, provider: 'gemini', chunksSeen: 0} as const;
      const error = new LlmTimeoutError(info);
      expect(error.info).toEqual(info);
      expect(error.isRetryable).toBeTrue();
      expect(error.message).toContain('gemini');
      expect(error.message).toContain('1500 ms');
      expect(error.message).toContain('firstChunkTimeoutMs');
      expect(new LlmTimeoutError({kind: 'idle', timeoutMs: 9, chunksSeen: 3}).message).toContain('idleTimeoutMs');
    });

    it('keeps the partial content and usage of a truncation and names the cap', () => {
      const error = new LlmTruncationError('The sky is', usage, 256);
      expect(error.partialContent).toBe('The sky is');
      expect(error.usage).toBe(usage);
      expect(error.maxTokens).toBe(256);
      expect(error.message).toContain('cut off at maxTokens 256 (256 output tokens)');
      expect(new LlmTruncationError('', usage, undefined).message).toContain("the model's output limit");
    });

    it('does not blame maxTokens for a truncation that stopped short of it', () => {
      const message = new LlmTruncationError('Hi', {...usage, outputTokens: 14}, 1024).message;
      expect(message).toContain('cut off after 14 output tokens, below maxTokens 1024');
      expect(message).toContain('context window');
      expect(message).not.toContain('Raise maxTokens');
    });

    it('lists every cascade attempt in its message and keeps the last error as the cause', () => {
      const first = new LlmProviderError('llm-rx: anthropic answered 529', {provider: 'anthropic', statusCode: 529});
      const last = new LlmTimeoutError({kind: 'first-chunk', timeoutMs: 10, provider: 'openai', chunksSeen: 0});
      const attempts: LlmAttempt[] = [
        {provider: 'anthropic', model: 'claude-test', outcome: 'error', error: first},
        {provider: 'openai', model: 'gpt-test', outcome: 'error', error: last},
      ];
      const error = new LlmCascadeError(attempts);
      expect(error.attempts).toBe(attempts);
      expect(error.cause).toBe(last);
      expect(error.message).toContain('all 2 attempts');
      expect(error.attempts).toBe(attempts);
      expect(error.message).toContain('anthropic/claude-test: llm-rx: anthropic answered 529');
      expect(error.message).toContain('openai/gpt-test: llm-rx: openai sent no first chunk');
    });
  });

  describe('API keys', () => {
    const key = 'sk-test-123';

    it('are not copied from a cause into a provider error message', () => {
      const cause = new Error(`401 Incorrect API key provided: ${key}`);
      const error = new LlmProviderError('llm-rx: openai rejected the API key (401).', {
        provider: 'openai',
        statusCode: 401,
        cause,
      });
      expect(error.message).not.toContain(key);
      expect(error.cause).toBe(cause);
    });

    it("are redacted from cascade messages, which quote each attempt's error", () => {
      const error = new LlmCascadeError([
        {
          provider: 'openai',
          model: 'gpt-test',
          outcome: 'error',
          error: new Error(`Incorrect API key provided: ${key}`),
        },
        {provider: 'gemini', model: 'gemini-test', outcome: 'error', error: 'GET ?key=AIzaSyFakeKey0123 failed'},
        {
          provider: 'cohere',
          model: 'command-test',
          outcome: 'error',
          error: new Error('Authorization: Bearer co-secret'),
        },
      ]);
      expect(error.message).not.toContain(key);
      expect(error.message).not.toContain('AIzaSyFakeKey0123');
      expect(error.message).not.toContain('co-secret');
      expect(error.message).toContain('openai/gpt-test: Incorrect API key provided: sk-[redacted]');
    });
  });
});
