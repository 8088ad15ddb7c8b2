import type {LlmOutput} from 'llm-rx';
import type {ObjectLayout} from './object-layout';

/** The schemas the Extract page offers. */
export type ExtractExampleId = 'contact' | 'recipe' | 'invoice';

/**
 * One kind of object the Extract page asks for: its schema (sent as `request.output`), the form that shows it,
 * and a worked example for the simulated providers: a sample text and the answer a model would give for it.
 * @typeParam T The schema's type.
 */
export interface ExtractExample<T = unknown> {
  readonly id: ExtractExampleId;
  /** The name in the schema picker. */
  readonly label: string;
  /** The schema, with the name and description sent to the provider. */
  readonly output: LlmOutput<T> & {readonly name: string};
  /** How the form shows the object. */
  readonly layout: ObjectLayout;
  /** A text to extract from, for the "use sample" button. */
  readonly sampleText: string;
  /** What a model extracts from the sample text: the simulated providers' prepared answer. */
  readonly sampleAnswer: T;
  /** A plausible wrong answer for the sample: valid JSON that the schema refuses, for the "fails the schema" preset. */
  readonly mismatchAnswer: unknown;
  /** What a model says when it refuses, for the "refusal" preset. */
  readonly refusal: string;
}
