import {type ApplicationConfig, inject, provideZonelessChangeDetection} from '@angular/core';
import {provideLlm, withDefaults, withLogging} from 'llm-rx/angular';
import {loggedLlm} from 'llm-rx/logging';
import {DEMO_CALL_LOG} from './shared/demo-call-log';

/**
 * The demo's providers. The chat builds each call's model from the settings (simulated or real providers, a
 * cascade or not), so `provideLlm()` configures what every call shares: the request defaults and the log.
 */
export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideLlm(
      withDefaults({request: {maxTokens: 1024}}),
      // The factory runs in the injection context, in the browser only: every chat call, cascades included, is logged.
      withLogging(loggedLlm, () => ({log: inject(DEMO_CALL_LOG), label: 'chat'})),
    ),
  ],
};
