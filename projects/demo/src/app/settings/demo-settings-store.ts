import {Injectable, signal} from '@angular/core';
import type {DemoProviderName} from '../common/provider-catalog';
import {DEMO_SETTINGS_STORAGE_KEY, type DemoSettings, parseDemoSettings, serializeDemoSettings} from './demo-settings';

/**
 * The demo's settings as a signal, saved in `localStorage`, and the API keys the user typed in, kept in memory
 * only: never stored, never logged, gone on reload.
 */
@Injectable({providedIn: 'root'})
export class DemoSettingsStore {
  private readonly _settings = signal<DemoSettings>(parseDemoSettings(readStorage()));
  private readonly _keys = signal<Readonly<Partial<Record<DemoProviderName, string>>>>({});
  private readonly _isKeyEntryAllowed = signal(false);

  /** The current settings. */
  readonly settings = this._settings.asReadonly();
  /** The keys typed in this session, by provider; empty unless the user opted in. */
  readonly keys = this._keys.asReadonly();
  /** Whether the user accepted the risk of typing keys into the page. */
  readonly isKeyEntryAllowed = this._isKeyEntryAllowed.asReadonly();

  /**
   * Changes and saves settings.
   * @param changes The fields to change.
   */
  update(changes: Partial<DemoSettings>): void {
    const next = parseDemoSettings(serializeDemoSettings({...this._settings(), ...changes}));
    this._settings.set(next);
    try {
      localStorage.setItem(DEMO_SETTINGS_STORAGE_KEY, serializeDemoSettings(next));
    } catch {
      // Storage may be full or disabled (private mode): the settings still apply to this session.
    }
  }

  /**
   * Allows or forbids typed-in keys; forbidding forgets every key.
   * @param isAllowed Whether the user accepts the risk.
   */
  allowKeyEntry(isAllowed: boolean): void {
    this._isKeyEntryAllowed.set(isAllowed);
    if (!isAllowed) this._keys.set({});
  }

  /**
   * Keeps a typed-in key in memory, or forgets it.
   * @param provider The provider.
   * @param key The key; empty forgets it.
   */
  setKey(provider: DemoProviderName, key: string): void {
    if (!this._isKeyEntryAllowed()) return;
    const {[provider]: _previous, ...others} = this._keys();
    this._keys.set(key.trim() ? {...others, [provider]: key.trim()} : others);
  }
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(DEMO_SETTINGS_STORAGE_KEY);
  } catch {
    return null;
  }
}
