import type {LlmObjectPart, LlmPartialObjectPart} from '../chunk/llm-chunk';
import {LlmObjectError} from '../errors/llm-object-error';
import type {LlmUsage} from '../usage/llm-usage';
import type {LlmOutput} from './llm-output';
import {PartialJsonParser} from './partial-json-parser';
import {DEFAULT_OUTPUT_NAME} from './resolve-llm-output';
import {validateLlmObject} from './validate-llm-object';

/**
 * Turns the JSON text of one answer into its object parts: a `partial-object` part each time a text piece changed
 * the object, and at the end the one validated `object` part, or an `LlmObjectError` that keeps the raw text,
 * the issues and the usage. Used by `fromProviderStream()` for a request with an `output`; one per attempt.
 */
export class LlmObjectAssembler {
  readonly #output: LlmOutput;
  readonly #parser = new PartialJsonParser();

  /** @param output The request's `output`. */
  constructor(output: LlmOutput) {
    this.#output = output;
  }

  /**
   * Reads the next piece of the answer's text.
   * @param text The `text-delta`'s text.
   * @returns The partial object when the piece changed it, else `undefined`.
   */
  push(text: string): LlmPartialObjectPart | undefined {
    if (!this.#parser.push(text)) return undefined;
    return {type: 'partial-object', object: this.#parser.snapshot()};
  }

  /**
   * Ends the answer: parses what is left and validates the object.
   * @param rawText The whole answer's text.
   * @param usage The answer's usage, kept in the error.
   * @param prepare Brings the parsed value back to the request's schema before validation (see
   *   `ProviderEventSource.prepareObject`).
   * @returns The validated object part.
   * @throws LlmObjectError `invalid-json` or `schema-mismatch`.
   */
  async finish(rawText: string, usage: LlmUsage, prepare?: (value: unknown) => unknown): Promise<LlmObjectPart> {
    const schemaName = this.#output.name ?? DEFAULT_OUTPUT_NAME;
    const parsed = this.#parser.end();
    if ('failure' in parsed) {
      const {message, position} = parsed.failure;
      throw new LlmObjectError(
        {
          kind: 'invalid-json',
          schemaName,
          rawText,
          issues: [{message: `${message} (at character ${position})`, path: [], position}],
        },
        usage,
      );
    }
    const value = prepare === undefined ? parsed.value : prepare(parsed.value);
    const validation = await validateLlmObject(this.#output, value);
    if (validation.issues !== undefined) {
      throw new LlmObjectError({kind: 'schema-mismatch', schemaName, rawText, issues: validation.issues, value}, usage);
    }
    return {type: 'object', object: validation.value};
  }
}
