import {benchTelemetryPerCall} from './telemetry-per-call';

describe('benchTelemetryPerCall', () => {
  it('measures each call bare and traced, checking every traced call exported its spans and duration', async () => {
    const result = await benchTelemetryPerCall({warmups: 1, rounds: 2, calls: 5}, () => undefined);

    expect(result.calls).toBe(5);
    expect(result.offMicrosPerCall.count).toBe(2);
    expect(result.onMicrosPerCall.median).toBeGreaterThan(0);
    expect(result.addedMicrosPerCall.count).toBe(2);
  });
});
