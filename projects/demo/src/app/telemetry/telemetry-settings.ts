/** Whether and where the demo sends OpenTelemetry, kept in `localStorage`. */
export interface DemoTelemetrySettings {
  /** Whether calls are traced and measured, and the spans and metrics sent. Off by default. */
  readonly isEnabled: boolean;
  /**
   * The OTLP/HTTP base URL: spans go to `<endpoint>/v1/traces`, metrics to `<endpoint>/v1/metrics`. Empty: the mock
   * provider server's receiver (the demo's own mock server URL), which answers CORS.
   */
  readonly endpoint: string;
  /** Whether prompts and answers go on the spans (`captureContent`). Off by default. */
  readonly captureContent: boolean;
}

/** The settings of a first visit: nothing sent. */
export const DEFAULT_DEMO_TELEMETRY_SETTINGS: DemoTelemetrySettings = {
  isEnabled: false,
  endpoint: '',
  captureContent: false,
};

/** The `localStorage` key of the telemetry settings. */
export const DEMO_TELEMETRY_STORAGE_KEY = 'llm-rx-demo-telemetry';

/** The service name on every span and metric the demo sends (`service.name`). */
export const DEMO_SERVICE_NAME = 'llm-rx-demo';

/** Where the two OTLP signals go. */
export interface OtlpUrls {
  readonly traces: string;
  readonly metrics: string;
}

/**
 * Reads stored telemetry settings, keeping only the fields that are valid.
 * @param saved The stored JSON, or `null` when nothing was stored.
 * @returns The settings, with defaults for anything missing or invalid.
 */
export function parseTelemetrySettings(saved: string | null): DemoTelemetrySettings {
  let value: unknown;
  try {
    value = saved === null ? {} : JSON.parse(saved);
  } catch {
    // A hand-edited or truncated value must not keep the demo from starting.
    return DEFAULT_DEMO_TELEMETRY_SETTINGS;
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const {isEnabled, endpoint, captureContent} = record;
  return {
    isEnabled: isEnabled === true,
    endpoint: typeof endpoint === 'string' ? normalizeEndpoint(endpoint) : '',
    captureContent: captureContent === true,
  };
}

/**
 * The JSON to store: only the known fields.
 * @param settings The settings.
 * @returns The JSON text.
 */
export function serializeTelemetrySettings(settings: DemoTelemetrySettings): string {
  const {isEnabled, endpoint, captureContent} = settings;
  return JSON.stringify({isEnabled, endpoint, captureContent});
}

/**
 * An endpoint as typed, checked: an http(s) URL without trailing slashes or a `/v1/traces` the user pasted.
 * @param text What the user typed.
 * @returns The base URL, or `''` (the mock server's) for empty or invalid text.
 */
export function normalizeEndpoint(text: string): string {
  const trimmed = text
    .trim()
    .replace(/\/v1\/(traces|metrics)\/?$/, '')
    .replace(/\/+$/, '');
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? trimmed : '';
  } catch {
    return '';
  }
}

/**
 * Where spans and metrics go.
 * @param settings The telemetry settings.
 * @param mockServerUrl The demo's mock server origin, used when the endpoint is empty.
 * @returns The traces and metrics URLs.
 */
export function otlpUrlsOf(settings: DemoTelemetrySettings, mockServerUrl: string): OtlpUrls {
  const base = settings.endpoint || mockServerUrl.replace(/\/+$/, '');
  return {traces: `${base}/v1/traces`, metrics: `${base}/v1/metrics`};
}
