import type {BrowserResults} from './browser/browser-bench';
import type {DemoBundle, BuildFailure, FileSize} from './bundle';
import type {CascadeResult} from './cascade';
import type {ColdLoadRow} from './cold-load';
import type {PreloadResult} from './browser/preload-result';
import type {MachineInfo} from './machine';
import type {MarkdownRunConfig} from './browser/markdown-page';
import type {MarkdownResult} from './markdown/markdown-result';
import type {CancelMemoryResult, CollectMemoryResult} from './memory';
import type {ObjectParserRow} from './object/object-parser';
import type {ObjectBenchSettings, ObjectStreamResults} from './object/object-stream';
import type {PerChunkRow} from './per-chunk';
import type {ProxyResults} from './proxy/proxy-bench';
import type {TelemetryBenchSettings, TelemetryResults} from './telemetry/telemetry-bench';
import type {ToolArgumentsResults} from './tools/tool-arguments';
import type {ToolLoopResults} from './tools/tool-loop';
import type {ToolsBenchSettings} from './tools/tools-bench';
import type {TtfcRow} from './ttfc';

/** How the bench was run. */
export interface BenchSettings {
  readonly command: string;
  readonly chunks: number;
  readonly warmups: number;
  readonly rounds: number;
  readonly ttfcRounds: number;
  readonly coldProcesses: number;
  readonly cancelCycles: number;
  readonly collectChunks: number;
  readonly browserChunks: number;
  readonly browserRounds: number;
  readonly renderSeconds: number;
  readonly logRows: number;
  /** The structured-output bench's answers and rounds. */
  readonly object: ObjectBenchSettings;
  /** The tools bench's loop and argument-streaming runs. */
  readonly tools: ToolsBenchSettings;
  /** The preload bench's rounds per mode (each a fresh browser context) and answer length. */
  readonly preload: {readonly rounds: number; readonly chunks: number};
  /** The markdown bench's answer and how it streams. */
  readonly markdown: MarkdownRunConfig;
  /** The telemetry bench's replay (its per-chunk part streams `chunks` with the bench's rounds). */
  readonly telemetry: TelemetryBenchSettings;
}

/** Everything one bench run measured; a section is absent when it was skipped. */
export interface BenchResults {
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly machine: MachineInfo;
  readonly settings: BenchSettings;
  /** Parts that threw (an adapter error, libraries that disagreed), with the first line of the error. */
  readonly failures: readonly {readonly part: string; readonly error: string}[];
  readonly perChunk?: readonly PerChunkRow[];
  /** `streamObject()` against the text stream of the same bytes, and the Vercel AI SDK's partial object stream. */
  readonly objectStream?: ObjectStreamResults;
  /** The partial JSON parser alone, against `JSON.parse()` once and against re-parsing at every chunk. */
  readonly objectParser?: readonly ObjectParserRow[];
  /** A 5-step tool loop: the raw SDK's five calls (the floor), llm-rx's `runTools()`, the Vercel AI SDK's loop. */
  readonly toolLoop?: ToolLoopResults;
  /** One tool call's streamed arguments against a text answer of the same pieces. */
  readonly toolArguments?: ToolArgumentsResults;
  readonly ttfc?: readonly TtfcRow[];
  readonly coldLoad?: readonly ColdLoadRow[];
  readonly cascade?: CascadeResult;
  readonly browser?: BrowserResults;
  /** The first call's time to first chunk against the second's in Chromium, without and with `preloadLlm()`. */
  readonly preload?: PreloadResult;
  /** A long markdown answer streamed to three renderers in Chromium. */
  readonly markdown?: MarkdownResult;
  /** llm-rx/telemetry over the real OpenTelemetry SDK: per-chunk cost on against off, and the replay's throughput. */
  readonly telemetry?: TelemetryResults;
  /** llm-rx/proxy against a hand-written pass-through and a direct call: time to first chunk, CPU per chunk. */
  readonly proxy?: ProxyResults;
  readonly libraryBundles?: readonly FileSize[] | BuildFailure;
  readonly demoBundle?: DemoBundle | BuildFailure;
  readonly cancelMemory?: CancelMemoryResult;
  /** The raw SDK's cancel cycles, as a reference. */
  readonly rawCancelMemory?: CancelMemoryResult;
  readonly collectMemory?: CollectMemoryResult;
  /** The raw SDK collecting the same answer, as a reference. */
  readonly rawCollectMemory?: CollectMemoryResult;
}
