/**
 * The Chromium per-chunk page: the raw `openai` SDK's loop and llm-rx's `stream()` on OpenAI Chat Completions,
 * driven round by round by `browser-bench.ts` through `window.perChunkBench`.
 */
import type {StreamConsumer, StreamResult} from '../consumers/consumer';
import {llmRxConsumer} from '../consumers/llm-rx-consumers';
import {rawSdkConsumer} from '../consumers/raw-sdk-consumers';

/** What the page exposes to the driver. */
export interface PerChunkPageApi {
  /** Builds both consumers (loads the SDK) against the mock server. */
  prepare(baseUrl: string): Promise<void>;
  /** Streams one answer with one consumer. */
  run(library: 'raw SDK' | 'llm-rx', scenario: string): Promise<StreamResult>;
}

let consumers: StreamConsumer[] = [];

const api: PerChunkPageApi = {
  async prepare(baseUrl) {
    const target = {baseUrl};
    consumers = [await rawSdkConsumer('openai-chat', target), await llmRxConsumer('openai-chat', target)];
  },
  run(library, scenario) {
    const consumer = consumers.find(candidate => candidate.library === library);
    if (!consumer) throw new Error(`bench: ${library} is not prepared`);
    return consumer.run(scenario);
  },
};

(globalThis as unknown as {perChunkBench: PerChunkPageApi}).perChunkBench = api;
