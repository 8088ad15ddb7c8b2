import {DestroyRef, inject, InjectionToken} from '@angular/core';
import {createLlmCallLog, type LlmCallLog} from 'llm-rx/logging';

/** The IndexedDB database the demo logs its calls in. */
export const DEMO_LOG_DATABASE_NAME = 'llm-rx-demo-log';

/**
 * The demo's call log: every chat call is written here (through `withLogging()`) and the dashboard reads it.
 * One per page, closed with the application.
 */
export const DEMO_CALL_LOG = new InjectionToken<LlmCallLog>('llm-rx demo Call Log', {
  providedIn: 'root',
  factory: () => {
    const log = createLlmCallLog({
      databaseName: DEMO_LOG_DATABASE_NAME,
      // Rows reach the dashboard this long after a call ends; short, so it feels live.
      flushIntervalMs: 100,
      retention: {maxRows: 50_000},
      onError: error => console.warn('llm-rx demo: the call log could not be written:', error.message),
    });
    inject(DestroyRef).onDestroy(() => void log.close());
    return log;
  },
});
