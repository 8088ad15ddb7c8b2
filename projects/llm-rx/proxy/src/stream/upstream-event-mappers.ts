import type {ProviderEventMapper} from 'llm-rx';
import {_createAnthropicEventMapper} from 'llm-rx/anthropic';
import {_createCohereEventMapper} from 'llm-rx/cohere';
import {_DEEPSEEK_CHAT_EVENTS} from 'llm-rx/deepseek';
import {_createGeminiEventMapper} from 'llm-rx/gemini';
import {_createOpenAiChatEventMapper, _createOpenAiResponsesEventMapper} from 'llm-rx/openai';
import {cohereSdkShapeOf} from './cohere-wire-json';
import type {LlmProxyWire} from './llm-proxy-wire';

/**
 * Creates the llm-rx adapter's own event mapper of a wire, to read an upstream answer's JSON events as the adapter
 * in the browser will: the same usage conversion, finish reasons and content events. DeepSeek's is the Chat
 * Completions mapper with DeepSeek's conversions (`_DEEPSEEK_CHAT_EVENTS`, which its adapter streams with);
 * Cohere's gets each event in the SDK's camelCase shape (`cohereSdkShapeOf()`). Gemini's REST chunks are already
 * what `@google/genai` hands the mapper: its stream converter copies `candidates` (content, `finishReason`),
 * `usageMetadata`, `responseId` and `modelVersion` unchanged (summing `usageMetadata` only across the requests of
 * its automatic continuation, each of which passes the proxy, and is metered, on its own).
 *
 * The mappers are pure functions of the events and import the SDKs' types only; the adapters' entry points load
 * an SDK with `import()` when a model first streams, never on import, so the proxy loads no SDK
 * (`upstream-usage-meter-imports.spec.ts` checks it).
 * @param wire The upstream's wire format.
 * @returns A new mapper, for one answer; it takes parsed JSON payloads (objects).
 */
export function createUpstreamEventMapper(wire: LlmProxyWire): ProviderEventMapper<object> {
  switch (wire) {
    case 'openai-chat':
      return _createOpenAiChatEventMapper();
    case 'openai-compatible':
      return _createOpenAiChatEventMapper({usageInChoice: true});
    case 'openai-responses':
      return _createOpenAiResponsesEventMapper();
    case 'deepseek':
      return _createOpenAiChatEventMapper(_DEEPSEEK_CHAT_EVENTS);
    case 'anthropic':
      return _createAnthropicEventMapper();
    case 'gemini':
      return _createGeminiEventMapper();
    case 'cohere': {
      const mapper = _createCohereEventMapper();
      return {next: event => mapper.next(cohereSdkShapeOf(event) as Parameters<typeof mapper.next>[0])};
    }
  }
}
