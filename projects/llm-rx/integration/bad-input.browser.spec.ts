/*
 * The browser half of the bad-input suite's positive controls: a relative baseURL (a proxy on the page's own
 * origin, as the README and every create function's TSDoc show) is valid in a page and must not be refused. The
 * Karma page has no such route, so the request must go out and come back with an HTTP status from the page's
 * origin. Node has no origin to resolve it against, so this file defines nothing there (the Node command's glob
 * `bad-input*.spec.ts` loads it too).
 */
import {LlmProviderError} from 'llm-rx';
import {describeError, describeOutcome, isConfigurationError, reportProblems, runGuarded} from './bad-input-checks';
import {PROVIDER_TARGETS} from './bad-input-targets';

if (typeof document !== 'undefined') {
  describe('bad input (browser): a relative baseURL is valid', () => {
    for (const target of PROVIDER_TARGETS) {
      const baseURL = target.family === 'openai' ? '/api/openai/v1' : `/api/${target.provider}`;
      it(`accepts baseURL '${baseURL}' on ${target.label}: the request goes to the page's origin`, async () => {
        let thrown: unknown;
        let outcome;
        try {
          const llm = target.create(target.model, {...target.baseOptions, baseURL});
          outcome = await runGuarded(() => llm.stream({userPrompt: 'Say hello.'}));
        } catch (error) {
          thrown = error;
        }
        const problems: string[] = [];
        if (!outcome) problems.push('creating the model threw');
        else if (outcome.kind === 'errored') {
          if (isConfigurationError(outcome.error)) problems.push('the relative baseURL was refused');
          else if (!LlmProviderError.isInstance(outcome.error) || outcome.error.statusCode === undefined) {
            problems.push(`no HTTP answer came from ${location.origin}${baseURL}: the request never went out`);
          }
        } else if (outcome.kind !== 'completed') problems.push('no HTTP answer came from the page');
        reportProblems(
          `the model to be created and its request sent to ${location.origin}${baseURL} (an HTTP status back)`,
          outcome ? describeOutcome(outcome) : `it threw ${describeError(thrown)}`,
          problems,
        );
      });
    }
  });
}
