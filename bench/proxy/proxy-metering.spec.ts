import type {LlmProxyLogEntry} from 'llm-rx/proxy';
import type {StreamResult} from '../consumers/consumer';
import {assertProxyMetered, isCallLogComplete} from './proxy-metering';

const result: StreamResult = {text: 'a b c', pieces: 3, inputTokens: 12, outputTokens: 3, firstTextAt: 1};
const finished = (fields: Partial<LlmProxyLogEntry> = {}): LlmProxyLogEntry => ({
  event: 'finished',
  provider: 'openai',
  model: 'gpt-4o-mini',
  userId: 'spec-user',
  status: 200,
  tokens: 15,
  costUsd: 0.0000036,
  metered: true,
  ...fields,
});

describe('assertProxyMetered', () => {
  it('accepts one finished line, status 200, metered, charging the tokens the client saw', () => {
    expect(() => assertProxyMetered([finished()], result)).not.toThrow();
  });

  it('refuses an estimate, other tokens, another status, or no finished line', () => {
    expect(() => assertProxyMetered([finished({metered: false})], result)).toThrowError(/estimated, not metered/);
    expect(() => assertProxyMetered([finished({tokens: 14})], result)).toThrowError(
      /14 tokens charged, the client saw 15/,
    );
    expect(() => assertProxyMetered([finished({status: 502})], result)).toThrowError(/status 502/);
    expect(() => assertProxyMetered([], result)).toThrowError(/0 finished lines, expected 1/);
    expect(() => assertProxyMetered([finished(), finished()], result)).toThrowError(/2 finished lines/);
  });

  it('refuses a log with a refusal or a failure beside the finished line', () => {
    const refused: LlmProxyLogEntry = {event: 'refused', reason: 'rate-limited', status: 429};
    expect(() => assertProxyMetered([refused, finished()], result)).toThrowError(/a refused line \(rate-limited\)/);
    const failed: LlmProxyLogEntry = {event: 'failed', message: 'the store could not settle'};
    expect(() => assertProxyMetered([finished(), failed], result)).toThrowError(/a failed line/);
  });
});

describe('isCallLogComplete', () => {
  it('waits for a finished, refused or failed line', () => {
    expect(isCallLogComplete([])).toBeFalse();
    expect(isCallLogComplete([{event: 'forwarded', status: 200}])).toBeFalse();
    expect(isCallLogComplete([finished()])).toBeTrue();
    expect(isCallLogComplete([{event: 'refused', reason: 'unauthenticated'}])).toBeTrue();
  });
});
