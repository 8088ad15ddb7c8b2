import type {LlmProxyRefusalError} from 'llm-rx';
import {DEMO_PROVIDERS} from '../common/provider-catalog';
import {formatCost, formatCount, formatWait} from '../common/format';

/**
 * Describes a refusal of the demo proxy (`llm-rx/proxy`, which `npm start` runs) for the chat: what the proxy
 * refused and what to change, which is usually a variable where `npm start` runs, not the prompt.
 * @param error The refusal, with its `reason`, `retryAfterMs`, `limit` and `used`.
 * @returns What happened and what to do.
 */
export function describeProxyRefusal(error: LlmProxyRefusalError): {title: string; advice: string} {
  const {provider, model} = error;
  const resets = error.retryAfterMs === undefined ? '' : `, resets in ${formatWait(error.retryAfterMs)}`;
  const waitFor = error.retryAfterMs === undefined ? '' : ` Try again in ${formatWait(error.retryAfterMs)}.`;
  const of = (format: (value: number) => string) =>
    error.limit === undefined
      ? ''
      : ` (${error.used === undefined ? '' : `${format(error.used)} of `}${format(error.limit)})`;
  // Cents for a budget as people set it, significant digits for a tiny one (a test's millionth of a dollar).
  const usd = (value: number) => (value >= 0.01 ? `$${value.toFixed(2)}` : formatCost(value));
  switch (error.reason) {
    case 'daily-cost':
      return {
        title: `The proxy's daily budget is reached${of(usd)}${resets}.`,
        advice: 'Wait for the next day (UTC), or raise LLM_RX_PROXY_COST_PER_DAY_USD where npm start runs.',
      };
    case 'daily-tokens':
      return {
        title: `The proxy's daily token budget is reached${of(formatCount)}${resets}.`,
        advice: 'Wait for the next day (UTC), or raise LLM_RX_PROXY_TOKENS_PER_DAY where npm start runs.',
      };
    case 'requests-per-minute':
      return {
        title: `The proxy's rate limit is reached${error.limit === undefined ? '' : ` (${error.limit} requests a minute)`}.${waitFor}`,
        advice: 'Wait a moment, or raise LLM_RX_PROXY_REQUESTS_PER_MINUTE where npm start runs.',
      };
    case 'concurrent-streams':
      return {
        title: `Too many answers are streaming through the proxy at once${of(formatCount)}.${waitFor}`,
        advice: 'Let one finish or stop it, or raise LLM_RX_PROXY_CONCURRENT_STREAMS where npm start runs.',
      };
    case 'provider-not-allowed': {
      const variable = DEMO_PROVIDERS.find(info => info.name === provider)?.keyVariable ?? 'its key variable';
      return {
        title: `The proxy has no key for ${provider}: set ${variable} where npm start runs.`,
        advice: 'Restart npm start with the key in its environment, or pick a provider the proxy serves.',
      };
    }
    case 'model-not-allowed':
      return {
        title: `The model ${model ?? '(none)'} is not served by the proxy.`,
        advice: `Pick another ${provider} model: the proxy serves the models of the pickers.`,
      };
    case 'upstream-unreachable':
      return {
        title: `The proxy could not reach ${provider}: the provider never saw the call.`,
        advice:
          'Check the internet connection (or proxy settings) of the machine npm start runs on, or use the simulated providers.',
      };
    case 'origin-not-allowed':
      return {
        title: "The proxy refused this page's origin.",
        advice:
          'Add it to LLM_RX_DEMO_ORIGINS (comma-separated) where npm start runs, or open the demo at localhost:4200.',
      };
    case 'price-unknown':
      return {
        title: `The proxy knows no price for ${model ?? 'this model'}, so its budget cannot count the call.`,
        advice: 'Pick a model with a known price.',
      };
    case 'request-too-large':
    case 'max-tokens-too-large':
      return {
        title: `The proxy refused the request as too large: ${error.message}`,
        advice: 'Lower "Max tokens", or shorten the conversation.',
      };
    case 'store-unavailable':
      return {title: 'The proxy could not check its limits.', advice: 'Retry; if it persists, restart npm start.'};
    default:
      return {
        title: `The proxy refused the call (${error.reason}): ${error.message}`,
        advice: 'Check the proxy in Settings; the reason says what it expected.',
      };
  }
}
