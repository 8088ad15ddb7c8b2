import {type ApplicationConfig, inject, provideZonelessChangeDetection} from '@angular/core';
import {
  provideLlm,
  withDefaults,
  withLogging,
  withPreload,
  withProvider,
  withRetry,
  withTelemetry,
} from 'llm-rx/angular';
import {loggedLlm} from 'llm-rx/logging';
import {DEMO_CALL_LOG} from './common/demo-call-log';
import {DEMO_CATALOG, demoProvider} from './common/provider-catalog';
import {DemoTelemetry} from './telemetry/demo-telemetry';

/**
 * The demo's providers. Every model depends on settings the user edits at run time (simulated or real providers,
 * the mock scenarios, typed-in keys, the chat's cascade), so the chat gives each call its models as specs
 * (`DemoModels`), which `provideLlm()` creates through these providers, with its retry and logging.
 */
export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideLlm(
      ...DEMO_CATALOG.map(info => withProvider(info.provider)),
      withDefaults({request: {maxTokens: 1024}}),
      // Server errors, dropped connections and timeouts before the first chunk are tried twice more; rate limits,
      // overload (429, 529) and bad keys are not, so that a cascade moves on at once.
      withRetry({count: 2}),
      // The factory runs in the injection context, in the browser only: every chat call, cascades included, is logged.
      withLogging(loggedLlm, () => ({log: inject(DEMO_CALL_LOG), label: 'chat'})),
      // Every call is traced while the Telemetry page's "Send telemetry" is on, and passes through untouched while
      // it is off; the OpenTelemetry SDK is loaded (import()) at the first call made while on.
      withTelemetry(() => inject(DemoTelemetry)),
      // The chat starts on OpenAI: its SDK chunk is loaded when the browser is idle, so that the first answer starts
      // as fast as the second (the composer preloads the model actually chosen when it gets focus).
      withPreload({provider: 'openai', model: demoProvider('openai').defaultModel}),
    ),
  ],
};
