/** Where the demo's calls go. */
export type DemoConnection = 'simulated' | 'proxy';

/** The demo's settings, kept in `localStorage`. API keys are never part of them. */
export interface DemoSettings {
  /** `simulated`: the mock provider server; `proxy`: the real APIs through the demo's proxy (`llm-rx/proxy`). */
  readonly connection: DemoConnection;
  /** The mock provider server's origin, for `simulated`. */
  readonly mockServerUrl: string;
  /** The demo proxy's base (its origin and `/api`), for `proxy`: a provider is at `<proxyUrl>/<provider>`. */
  readonly proxyUrl: string;
  /** Milliseconds to wait for the first content chunk before a timeout error. */
  readonly firstChunkTimeoutMs: number;
  /** Milliseconds to wait between two chunks before a timeout error. */
  readonly idleTimeoutMs: number;
}

/** The settings of a first visit: simulated providers, no keys, no internet. */
export const DEFAULT_DEMO_SETTINGS: DemoSettings = {
  connection: 'simulated',
  mockServerUrl: 'http://127.0.0.1:4010',
  proxyUrl: 'http://localhost:4020/api',
  firstChunkTimeoutMs: 30_000,
  idleTimeoutMs: 10_000,
};

/** The `localStorage` key of the settings. */
export const DEMO_SETTINGS_STORAGE_KEY = 'llm-rx-demo-settings';

/**
 * Reads settings saved by an older or newer demo, keeping only the fields that are valid.
 * @param saved The stored JSON, or `null` when nothing was stored.
 * @returns The settings, with defaults for anything missing or invalid.
 */
export function parseDemoSettings(saved: string | null): DemoSettings {
  let value: unknown;
  try {
    value = saved === null ? {} : JSON.parse(saved);
  } catch {
    // A hand-edited or truncated value must not keep the demo from starting.
    return DEFAULT_DEMO_SETTINGS;
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const connection = record['connection'];
  const mockServerUrl = record['mockServerUrl'];
  const proxyUrl = record['proxyUrl'];
  return {
    connection: connection === 'proxy' || connection === 'simulated' ? connection : DEFAULT_DEMO_SETTINGS.connection,
    mockServerUrl: isHttpUrl(mockServerUrl) ? mockServerUrl.replace(/\/+$/, '') : DEFAULT_DEMO_SETTINGS.mockServerUrl,
    proxyUrl: isHttpUrl(proxyUrl) ? proxyUrl.replace(/\/+$/, '') : DEFAULT_DEMO_SETTINGS.proxyUrl,
    firstChunkTimeoutMs: positiveOr(record['firstChunkTimeoutMs'], DEFAULT_DEMO_SETTINGS.firstChunkTimeoutMs),
    idleTimeoutMs: positiveOr(record['idleTimeoutMs'], DEFAULT_DEMO_SETTINGS.idleTimeoutMs),
  };
}

/**
 * The JSON to store: only the known fields, so that nothing else (a key by mistake) is ever written.
 * @param settings The settings.
 * @returns The JSON text.
 */
export function serializeDemoSettings(settings: DemoSettings): string {
  const {connection, mockServerUrl, proxyUrl, firstChunkTimeoutMs, idleTimeoutMs} = settings;
  return JSON.stringify({connection, mockServerUrl, proxyUrl, firstChunkTimeoutMs, idleTimeoutMs});
}

/**
 * Whether a value is an absolute `http:` or `https:` URL.
 * @param value Any value.
 * @returns Whether it is such a URL, as text.
 */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function positiveOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
