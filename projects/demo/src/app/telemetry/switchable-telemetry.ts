import {type Llm, type LlmChunk, type LlmRequest, type LlmToolLoopOptions, runTools, wrapLlm} from 'llm-rx';
import type {LlmTelemetryHooks} from 'llm-rx/angular';
import {defer, from, type Observable, switchMap} from 'rxjs';

/** What `SwitchableTelemetry` runs while on: telemetry and a way to stop it. */
export interface TelemetrySession {
  readonly telemetry: LlmTelemetryHooks;
  /** Sends what is held, then stops. */
  shutdown(): Promise<void>;
}

/** How `SwitchableTelemetry` learns whether it is on, and starts a session. */
export interface SwitchableTelemetryOptions<Config, Session extends TelemetrySession> {
  /** The session's configuration now, or `null` when telemetry is off; read at each call. */
  readonly config: () => Config | null;
  /**
   * Starts a session for a configuration (e.g. loads the OpenTelemetry SDK with `import()`).
   * @returns The session, or `null` when it could not be started: calls then go untraced.
   */
  readonly start: (config: Config) => Promise<Session | null>;
}

/**
 * Telemetry hooks that trace while a setting says so: each call (and tool loop) made while on goes through the
 * session for the current configuration, started at the first such call and replaced when the configuration
 * changes; each call made while off goes through untouched, and nothing is started.
 */
export class SwitchableTelemetry<Config, Session extends TelemetrySession> implements LlmTelemetryHooks {
  readonly #options: SwitchableTelemetryOptions<Config, Session>;
  #session: {readonly key: string; readonly ready: Promise<Session | null>} | undefined;

  /** @param options The configuration's source and the session's start. */
  constructor(options: SwitchableTelemetryOptions<Config, Session>) {
    this.#options = options;
  }

  traceLlm(llm: Llm): Llm {
    return wrapLlm(llm, (request, stream) =>
      this.#whenOn(
        () => stream(request),
        session => session.telemetry.traceLlm(llm).stream(request),
      ),
    );
  }

  runTools(llm: Llm, request: LlmRequest, options?: LlmToolLoopOptions): Observable<LlmChunk> {
    return this.#whenOn(
      () => runTools(llm, request, options),
      session => session.telemetry.runTools(llm, request, options),
    );
  }

  /**
   * The session for the current configuration, started now if none runs for it (a session for another one is
   * stopped first).
   * @returns The session (`null`: it could not start), or `undefined` when telemetry is off.
   */
  session(): Promise<Session | null> | undefined {
    const config = this.#options.config();
    if (config === null) return undefined;
    const key = JSON.stringify(config);
    if (this.#session?.key === key) return this.#session.ready;
    this.stop();
    const ready = this.#options.start(config);
    this.#session = {key, ready};
    return ready;
  }

  /** The running session, if any, without starting one. */
  running(): Promise<Session | null> | undefined {
    return this.#session?.ready;
  }

  /** Stops the running session when it no longer matches the configuration (changed, or off). */
  reconcile(): void {
    const config = this.#options.config();
    if (this.#session !== undefined && (config === null || JSON.stringify(config) !== this.#session.key)) this.stop();
  }

  /** Stops the running session, after it sent what it holds. */
  stop(): void {
    const session = this.#session;
    this.#session = undefined;
    void session?.ready.then(started => started?.shutdown()).catch(() => undefined);
  }

  #whenOn(off: () => Observable<LlmChunk>, on: (session: Session) => Observable<LlmChunk>): Observable<LlmChunk> {
    // Decided at subscription: a call made while off is never traced, even if telemetry is switched on later.
    return defer(() => {
      const session = this.session();
      if (session === undefined) return off();
      return from(session).pipe(switchMap(started => (started === null ? off() : on(started))));
    });
  }
}
