import {assertReplayed} from './telemetry-replay';

describe('assertReplayed', () => {
  const done = {replayed: 9, total: 9, cursor: null, done: true};

  it('accepts a finished replay of every call whose every span arrived', () => {
    expect(() => assertReplayed('counting exporter', done, 9, 19, 19)).not.toThrow();
  });

  it('names the exporter and what was missing', () => {
    expect(() => assertReplayed('counting exporter', {...done, replayed: 8, done: false}, 9, 19, 19)).toThrowError(
      'bench: telemetry replay to the counting exporter: replayed 8 of 9 calls, not done',
    );
    expect(() => assertReplayed('OTLP exporter', done, 9, 17, 19)).toThrowError(
      'bench: telemetry replay to the OTLP exporter: 17 spans exported, expected 19',
    );
  });
});
