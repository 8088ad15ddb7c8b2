import {DEFAULT_DEMO_SETTINGS, parseDemoSettings, serializeDemoSettings} from './demo-settings';

describe('parseDemoSettings', () => {
  it('gives the defaults (simulated providers) when nothing is stored', () => {
    expect(parseDemoSettings(null)).toEqual(DEFAULT_DEMO_SETTINGS);
    expect(DEFAULT_DEMO_SETTINGS.connection).toBe('simulated');
  });

  it('gives the defaults for text that is not JSON', () => {
    expect(parseDemoSettings('{not json')).toEqual(DEFAULT_DEMO_SETTINGS);
  });

  it('keeps valid fields and replaces invalid ones', () => {
    const settings = parseDemoSettings(
      JSON.stringify({
        connection: 'proxy',
        mockServerUrl: 'ftp://x',
        proxyUrl: 'http://127.0.0.1:4999/api',
        firstChunkTimeoutMs: 500,
        idleTimeoutMs: -1,
      }),
    );
    expect(settings).toEqual({
      connection: 'proxy',
      mockServerUrl: DEFAULT_DEMO_SETTINGS.mockServerUrl,
      proxyUrl: 'http://127.0.0.1:4999/api',
      firstChunkTimeoutMs: 500,
      idleTimeoutMs: DEFAULT_DEMO_SETTINGS.idleTimeoutMs,
    });
  });

  it('drops a trailing slash from the mock server URL and the proxy URL', () => {
    const settings = parseDemoSettings(
      JSON.stringify({mockServerUrl: 'http://127.0.0.1:4999/', proxyUrl: 'http://localhost:4020/api/'}),
    );
    expect([settings.mockServerUrl, settings.proxyUrl]).toEqual(['http://127.0.0.1:4999', 'http://localhost:4020/api']);
  });

  it("points the real-provider connection at the demo proxy's default address, and keeps an invalid one out", () => {
    expect(DEFAULT_DEMO_SETTINGS.proxyUrl).toBe('http://localhost:4020/api');
    expect(parseDemoSettings(JSON.stringify({proxyUrl: 'localhost:4020'})).proxyUrl).toBe('http://localhost:4020/api');
  });
});

describe('serializeDemoSettings', () => {
  it('writes only the known fields, so a key added by mistake is never stored', () => {
    const withKey = {...DEFAULT_DEMO_SETTINGS, apiKey: 'sk-secret'};
    const json = serializeDemoSettings(withKey);
    expect(json).not.toContain('sk-secret');
    expect(parseDemoSettings(json)).toEqual(DEFAULT_DEMO_SETTINGS);
  });

  it('keeps every setting through a save, the proxy URL included', () => {
    const settings = {...DEFAULT_DEMO_SETTINGS, connection: 'proxy' as const, proxyUrl: 'http://127.0.0.1:4999/api'};
    expect(parseDemoSettings(serializeDemoSettings(settings))).toEqual(settings);
  });
});
