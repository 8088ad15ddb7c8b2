import {TestScheduler} from 'rxjs/testing';

/** The part of a test framework's global `expect()` (Jasmine, Jest, Vitest) the scheduler uses. */
type DeepEqualExpect = (actual: unknown) => {toEqual(expected: unknown): void};

/**
 * Creates the `TestScheduler` for llm-rx marble tests, comparing frames with the test framework's
 * `expect(actual).toEqual(expected)` so that a failure shows a readable diff of chunks and usage.
 *
 * Works with any framework that has a global `expect()` with `toEqual` (Jasmine, Jest, Vitest globals).
 *
 * ```ts
 * it('fails over before content', () => {
 *   createLlmTestScheduler().run(({cold, expectObservable}) => {
 *     const primary = llmFromObservable('a', 'm', () => cold('-#', {}, new LlmProviderError('down', {provider: 'a'})));
 *     const fallback = llmFromObservable('b', 'm', () => cold('-a|', {a: {type: 'text-delta', text: 'Hi'}}));
 *     expectObservable(cascade([primary, fallback]).stream({userPrompt: 'Hello'})).toBe('--a|', {
 *       a: {type: 'text-delta', text: 'Hi'},
 *     });
 *   });
 * });
 * ```
 * @returns A new `TestScheduler`; use it through `run(...)`.
 */
export function createLlmTestScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => {
    // Looked up at assertion time, so the scheduler can be created at module level before the framework loads.
    const expect = (globalThis as {expect?: DeepEqualExpect}).expect;
    if (typeof expect !== 'function') {
      throw new Error('llm-rx/testing: createLlmTestScheduler() needs a global expect() (Jasmine, Jest or Vitest).');
    }
    expect(actual).toEqual(expected);
  });
}
