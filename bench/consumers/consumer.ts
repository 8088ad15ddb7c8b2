/** The wire protocols the bench streams. */
export type BenchProtocol = 'openai-chat' | 'openai-responses' | 'anthropic' | 'gemini' | 'cohere' | 'deepseek';

/** The libraries compared. */
export type BenchLibrary = 'raw SDK' | 'llm-rx' | 'Vercel AI SDK' | 'LangChain.js';

/** What one consumer saw of one streamed answer. */
export interface StreamResult {
  /** The whole answer text. */
  readonly text: string;
  /** Number of text pieces the consumer received. */
  readonly pieces: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** `performance.now()` when the first text piece arrived, or `null` if none did. */
  readonly firstTextAt: number | null;
}

/** One library streaming one protocol from the mock server, ready to run (client built, SDK loaded). */
export interface StreamConsumer {
  readonly protocol: BenchProtocol;
  readonly library: BenchLibrary;
  /**
   * Streams one answer to the end.
   * @param scenario The `x-mock-scenario` header value.
   * @returns What the consumer saw.
   */
  run(scenario: string): Promise<StreamResult>;
}

/** Where the consumers connect. */
export interface ConsumerTarget {
  /** The mock server's base URL, e.g. `http://127.0.0.1:4010`. */
  readonly baseUrl: string;
}

/** The request header that selects a mock scenario. */
export const SCENARIO_HEADER = 'x-mock-scenario';

/** The prompt every consumer sends (the mock server ignores it). */
export const BENCH_PROMPT = 'Count to a large number.';

/** Model ids per protocol, ones with a known price so that llm-rx prices the usage as in production. */
export const BENCH_MODELS: Readonly<Record<BenchProtocol, string>> = {
  'openai-chat': 'gpt-4o-mini',
  'openai-responses': 'gpt-4o-mini',
  anthropic: 'claude-haiku-4-5',
  gemini: 'gemini-2.5-flash',
  cohere: 'command-r-plus',
  deepseek: 'deepseek-chat',
};

/**
 * Checks that every consumer saw the same answer as the first one (the raw SDK): same text, same token counts,
 * and the expected number of text pieces.
 * @param results Each consumer's label and result; the first is the reference.
 * @param expectedPieces The number of text chunks the scenario streams.
 * @returns Nothing; throws when they disagree.
 * @throws Error naming the consumer and what differed.
 */
export function assertConsumersAgree(
  results: readonly {readonly label: string; readonly result: StreamResult}[],
  expectedPieces: number,
): void {
  const [reference] = results;
  if (!reference) throw new Error('bench: no consumer results to compare');
  for (const {label, result} of results) {
    const problems: string[] = [];
    if (result.text !== reference.result.text) {
      problems.push(`text differs (${result.text.length} vs ${reference.result.text.length} characters)`);
    }
    if (result.inputTokens !== reference.result.inputTokens || result.outputTokens !== reference.result.outputTokens) {
      problems.push(
        `usage differs (${result.inputTokens}/${result.outputTokens} vs ` +
          `${reference.result.inputTokens}/${reference.result.outputTokens} input/output tokens)`,
      );
    }
    if (result.pieces !== expectedPieces) problems.push(`${result.pieces} text pieces, expected ${expectedPieces}`);
    if (result.outputTokens !== expectedPieces)
      problems.push(`${result.outputTokens} output tokens, expected ${expectedPieces}`);
    if (problems.length) throw new Error(`bench: ${label} disagrees with ${reference.label}: ${problems.join('; ')}`);
  }
}

/**
 * Collects text pieces and the time of the first one; shared by consumers so they all do the same work.
 */
export class TextCollector {
  #parts: string[] = [];
  #firstAt: number | null = null;

  /**
   * Adds a text piece.
   * @param text The piece.
   */
  add(text: string): void {
    this.#firstAt ??= performance.now();
    this.#parts.push(text);
  }

  /**
   * The result so far.
   * @param inputTokens Prompt tokens reported.
   * @param outputTokens Output tokens reported.
   * @returns The stream result.
   */
  result(inputTokens: number, outputTokens: number): StreamResult {
    return {
      text: this.#parts.join(''),
      pieces: this.#parts.length,
      inputTokens,
      outputTokens,
      firstTextAt: this.#firstAt,
    };
  }
}
