/** The tools bench's mock server: the repository's, with `objectAnswerWire()` and `toolArgumentsWire()` around every wire. */
export const TOOLS_MOCK_SERVER_MAIN = 'bench/tools/tools-mock-server.ts';

/** What the tools bench runs (its warm-up rounds are the bench's). */
export interface ToolsBenchSettings {
  /** Measured rounds of the tool loop. */
  readonly loopRounds: number;
  /** Whole loops one after another in each measured sample. */
  readonly loopsPerSample: number;
  /** Items of the bench object whose JSON the argument-streaming answer carries (about 525 bytes each). */
  readonly argumentRecords: number;
  /** Pieces that answer streams in, as text and as tool arguments. */
  readonly argumentChunks: number;
  /** Measured rounds of the argument streaming. */
  readonly argumentRounds: number;
}
