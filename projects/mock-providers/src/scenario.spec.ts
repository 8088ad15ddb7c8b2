import {mockScenario} from './client/mock-provider-client';
import {faultOf, MockScenarioError, parseScenario, SCENARIO_KEYS} from './scenario';

describe('parseScenario', () => {
  it('returns the default scenario for an absent or empty header', () => {
    expect(parseScenario(undefined)).toEqual({});
    expect(parseScenario('')).toEqual({});
    expect(parseScenario(' ; ')).toEqual({});
  });

  it('parses every numeric key as a whole number', () => {
    expect(
      parseScenario(
        'chunks=3;reasoning=2;headerDelay=10;chunkDelay=5;status=429;retryAfter=2;errorAfter=1;dropAfter=2;' +
          'stallAfter=0;malformedAfter=4;inputTokens=100;outputTokens=7;cachedTokens=30;cacheWriteTokens=5;' +
          'reasoningTokens=9',
      ),
    ).toEqual({
      chunks: 3,
      reasoning: 2,
      headerDelay: 10,
      chunkDelay: 5,
      status: 429,
      retryAfter: 2,
      errorAfter: 1,
      dropAfter: 2,
      stallAfter: 0,
      malformedAfter: 4,
      inputTokens: 100,
      outputTokens: 7,
      cachedTokens: 30,
      cacheWriteTokens: 5,
      reasoningTokens: 9,
    });
  });

  it('URI-decodes tag and text, so they may hold ";" and "="', () => {
    expect(parseScenario(`tag=${encodeURIComponent('a;b=c')};text=${encodeURIComponent('Hi; x=1 ünï')}`)).toEqual({
      tag: 'a;b=c',
      text: 'Hi; x=1 ünï',
    });
  });

  it('reads noFinal as a flag and finish as one of three reasons', () => {
    expect(parseScenario('noFinal=1;finish=length')).toEqual({noFinal: true, finish: 'length'});
    expect(parseScenario('noFinal=0;finish=content-filter')).toEqual({noFinal: false, finish: 'content-filter'});
    expect(parseScenario('noFinal')).toEqual({noFinal: true});
  });

  it('rejects an unknown key, a bad number and an unknown finish, naming the culprit', () => {
    expect(() => parseScenario('chunk=3')).toThrowMatching(
      error => error instanceof MockScenarioError && error.message.includes('"chunk"'),
    );
    expect(() => parseScenario('chunks=-1')).toThrowError(MockScenarioError, /chunks/);
    expect(() => parseScenario('chunks=two')).toThrowError(MockScenarioError, /chunks/);
    expect(() => parseScenario('finish=tool-calls')).toThrowError(MockScenarioError, /finish/);
    expect(() => parseScenario('text=%E0%A4%A')).toThrowError(MockScenarioError, /text/);
  });

  it('reads back every key that its client writes', () => {
    const scenario = {
      tag: 'round trip; =',
      text: 'Héllo, wörld & more',
      chunks: 2,
      reasoning: 1,
      headerDelay: 1,
      chunkDelay: 2,
      status: 503,
      retryAfter: 3,
      errorAfter: 4,
      dropAfter: 5,
      stallAfter: 6,
      malformedAfter: 7,
      noFinal: true,
      finish: 'length' as const,
      inputTokens: 8,
      outputTokens: 9,
      cachedTokens: 10,
      cacheWriteTokens: 11,
      reasoningTokens: 12,
      failTimes: 13,
      echoKey: true,
      toolCalls: 2,
      toolRounds: 3,
      toolChunks: 4,
      toolName: 'look up',
      toolArgs: '{"q": "a;b=c"}',
      finalText: 'It is 84.',
    };
    expect(Object.keys(scenario).sort()).toEqual([...SCENARIO_KEYS].sort());
    expect(parseScenario(mockScenario(scenario))).toEqual(scenario);
  });

  it('parses failTimes as a number and echoKey as a flag', () => {
    expect(parseScenario('failTimes=2;echoKey=1')).toEqual({failTimes: 2, echoKey: true});
    expect(parseScenario('echoKey=0')).toEqual({echoKey: false});
  });
});

describe('faultOf', () => {
  it('names the first fault key set, or null', () => {
    expect(faultOf({chunks: 2}, 0).fault).toBeNull();
    expect(faultOf({noFinal: false}, 0).fault).toBeNull();
    expect(faultOf({dropAfter: 0}, 0).fault).toBe('dropAfter');
    expect(faultOf({status: 500, errorAfter: 1}, 0).fault).toBe('status');
  });

  it('plays the fault for every request without failTimes', () => {
    expect(faultOf({status: 500}, 99)).toEqual({fault: 'status', scenario: {status: 500}});
  });

  it('heals the scenario once failTimes requests of the tag came before', () => {
    const scenario = {tag: 't', chunks: 3, malformedAfter: 1, noFinal: true, failTimes: 1};
    expect(faultOf(scenario, 0)).toEqual({fault: 'malformedAfter', scenario});
    expect(faultOf(scenario, 1)).toEqual({fault: null, scenario: {tag: 't', chunks: 3, failTimes: 1}});
  });
});
