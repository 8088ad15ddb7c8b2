import {
  DEFAULT_DEMO_TELEMETRY_SETTINGS,
  normalizeEndpoint,
  otlpUrlsOf,
  parseTelemetrySettings,
  serializeTelemetrySettings,
} from './telemetry-settings';

describe('parseTelemetrySettings', () => {
  it('sends nothing and captures no content on a first visit', () => {
    expect(parseTelemetrySettings(null)).toEqual(DEFAULT_DEMO_TELEMETRY_SETTINGS);
    expect(DEFAULT_DEMO_TELEMETRY_SETTINGS.isEnabled).toBe(false);
    expect(DEFAULT_DEMO_TELEMETRY_SETTINGS.captureContent).toBe(false);
  });

  it('gives the defaults for text that is not JSON', () => {
    expect(parseTelemetrySettings('{nope')).toEqual(DEFAULT_DEMO_TELEMETRY_SETTINGS);
  });

  it('keeps valid fields and replaces invalid ones', () => {
    const stored = JSON.stringify({isEnabled: 'yes', endpoint: 'ftp://x', captureContent: true});
    expect(parseTelemetrySettings(stored)).toEqual({isEnabled: false, endpoint: '', captureContent: true});
  });

  it('round-trips what it stores, and stores only its fields', () => {
    const settings = {isEnabled: true, endpoint: 'http://localhost:4318', captureContent: false};
    const json = serializeTelemetrySettings({...settings, token: 'secret'} as typeof settings);
    expect(json).not.toContain('secret');
    expect(parseTelemetrySettings(json)).toEqual(settings);
  });
});

describe('normalizeEndpoint', () => {
  it('drops trailing slashes and a pasted signal path', () => {
    expect(normalizeEndpoint(' http://127.0.0.1:4318/ ')).toBe('http://127.0.0.1:4318');
    expect(normalizeEndpoint('https://otel.example/v1/traces')).toBe('https://otel.example');
    expect(normalizeEndpoint('https://otel.example/collector/v1/metrics/')).toBe('https://otel.example/collector');
  });

  it('turns empty and non-http text into the default', () => {
    expect(normalizeEndpoint('')).toBe('');
    expect(normalizeEndpoint('localhost:4318')).toBe('');
    expect(normalizeEndpoint('javascript:alert(1)')).toBe('');
  });
});

describe('otlpUrlsOf', () => {
  it("sends to the mock server's receiver when no endpoint is set", () => {
    expect(otlpUrlsOf(DEFAULT_DEMO_TELEMETRY_SETTINGS, 'http://127.0.0.1:4010/')).toEqual({
      traces: 'http://127.0.0.1:4010/v1/traces',
      metrics: 'http://127.0.0.1:4010/v1/metrics',
    });
  });

  it('sends to the endpoint when one is set', () => {
    const settings = {...DEFAULT_DEMO_TELEMETRY_SETTINGS, endpoint: 'http://localhost:4318'};
    expect(otlpUrlsOf(settings, 'http://127.0.0.1:4010').traces).toBe('http://localhost:4318/v1/traces');
  });
});
