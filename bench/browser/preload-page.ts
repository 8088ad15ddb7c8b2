/**
 * The Chromium preload page: in a fresh context (cold HTTP and code caches), loads the chat chunk (llm-rx and its
 * OpenAI entry point, the SDK still a chunk of its own), then times the first chunk of a first and a second call
 * to the mock server, through the page's own origin, without or after `preloadLlm()`. Driven by
 * `preload-bench.ts` through `window.preloadBench`.
 */
import type {Llm} from 'llm-rx';

/** Whether the SDK is preloaded before the first call. */
export type PreloadMode = 'cold' | 'preloaded';

/** One page's two calls. */
export interface PreloadPageResult {
  /** From subscribing to the first text chunk of the first call, milliseconds. */
  readonly firstMs: number;
  readonly secondMs: number;
  /** How long `preloadLlm()` took (0 when cold), milliseconds. */
  readonly preloadMs: number;
  /** Whether both calls streamed the same, non-empty text. */
  readonly isSameText: boolean;
}

/** What the page exposes to the driver. */
export interface PreloadPageApi {
  run(mode: PreloadMode, scenario: string): Promise<PreloadPageResult>;
}

/** The time to the first text chunk of one call, and its whole text. */
function timeToFirstChunk(llm: Llm, scenario: string): Promise<{ms: number; text: string}> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    let firstAt: number | undefined;
    let text = '';
    llm.stream({userPrompt: 'bench', headers: {'x-mock-scenario': scenario}}).subscribe({
      next: chunk => {
        if (chunk.type !== 'text-delta') return;
        firstAt ??= performance.now();
        text += chunk.text;
      },
      error: reject,
      complete: () => resolve({ms: (firstAt ?? performance.now()) - startedAt, text}),
    });
  });
}

const api: PreloadPageApi = {
  async run(mode, scenario) {
    const chat = await import('./preload-chat');
    const llm = chat.createOpenAiLlm('gpt-5-mini', {
      api: 'chat',
      apiKey: 'bench',
      baseURL: `${location.origin}/mock/v1`,
    });
    const preloadStartedAt = performance.now();
    // As withPreload() does when the browser is idle, before the user sends.
    if (mode === 'preloaded') await chat.preloadLlm(llm);
    const preloadMs = mode === 'preloaded' ? performance.now() - preloadStartedAt : 0;
    const first = await timeToFirstChunk(llm, scenario);
    const second = await timeToFirstChunk(llm, scenario);
    return {
      firstMs: first.ms,
      secondMs: second.ms,
      preloadMs,
      isSameText: first.text !== '' && first.text === second.text,
    };
  },
};

(globalThis as unknown as {preloadBench: PreloadPageApi}).preloadBench = api;
