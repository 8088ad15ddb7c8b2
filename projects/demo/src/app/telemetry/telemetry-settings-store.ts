import {Injectable, signal} from '@angular/core';
import {
  DEMO_TELEMETRY_STORAGE_KEY,
  type DemoTelemetrySettings,
  parseTelemetrySettings,
  serializeTelemetrySettings,
} from './telemetry-settings';

/** The telemetry settings as a signal, saved in `localStorage`. */
@Injectable({providedIn: 'root'})
export class DemoTelemetrySettingsStore {
  private readonly _settings = signal<DemoTelemetrySettings>(parseTelemetrySettings(readStorage()));

  /** The current settings. */
  readonly settings = this._settings.asReadonly();

  /**
   * Changes and saves settings.
   * @param changes The fields to change.
   */
  update(changes: Partial<DemoTelemetrySettings>): void {
    const next = parseTelemetrySettings(serializeTelemetrySettings({...this._settings(), ...changes}));
    this._settings.set(next);
    try {
      localStorage.setItem(DEMO_TELEMETRY_STORAGE_KEY, serializeTelemetrySettings(next));
    } catch {
      // Storage may be full or disabled (private mode): the settings still apply to this session.
    }
  }
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(DEMO_TELEMETRY_STORAGE_KEY);
  } catch {
    return null;
  }
}
