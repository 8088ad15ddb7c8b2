import {defer, type Observable} from 'rxjs';
import type {
  LlmObjectPart,
  LlmPartialObjectPart,
  LlmReasoningDelta,
  LlmTextDelta,
  LlmUsagePart,
} from '../chunk/llm-chunk';
import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import type {Llm} from '../llm/llm';
import type {LlmRequest} from '../request/llm-request';
import type {LlmDeepPartial, LlmOutput} from './llm-output';

/** A request for an object: any request, with its `output` given. */
export type LlmObjectRequest<T> = LlmRequest & {readonly output: LlmOutput<T>};

/**
 * One part of an object stream, typed by its schema: the raw JSON as `text-delta` parts, the growing object as
 * `partial-object` parts (deep partial), the validated object once, then the usage part.
 * @typeParam T The schema's type.
 */
export type LlmObjectChunk<T> =
  LlmTextDelta | LlmReasoningDelta | LlmPartialObjectPart<LlmDeepPartial<T>> | LlmObjectPart<T> | LlmUsagePart;

/**
 * Streams an object that matches a schema, from any model (a provider's, a cascade, a wrapped one): the model's
 * `stream()` with `request.output`, typed by the schema. The stream gives zero or more `partial-object` parts
 * (each a new immutable value, deep partial), then exactly one `object` part (validated, the schema's type), then
 * the usage part, then completion. The raw JSON text comes as `text-delta` parts for whoever wants it.
 *
 * It ends with an `LlmObjectError` (`invalid-json` or `schema-mismatch`, with the raw text, the issues and the
 * usage), an `LlmRefusalError` or an `LlmTruncationError` when the answer is not the object; like any stream,
 * it fails over or retries only before its first content part.
 * @param llm The model.
 * @param request The request, with `output: {schema, name?, description?}`.
 * @returns The cold object stream; unsubscribing aborts the request.
 * @throws LlmInvalidRequestError (emitted at subscription) when `output` is missing or invalid.
 * @typeParam T The schema's type.
 *
 * ```ts
 * const Contact = z.object({name: z.string(), email: z.string().email().optional()});
 * streamObject(llm, {userPrompt: 'Ada Lovelace, ada@example.com', output: {schema: Contact, name: 'contact'}})
 *   .subscribe(part => {
 *     if (part.type === 'partial-object') console.log('so far', part.object.name);
 *     if (part.type === 'object') console.log('valid', part.object.name);
 *   });
 * ```
 */
export function streamObject<T>(llm: Llm, request: LlmObjectRequest<T>): Observable<LlmObjectChunk<T>> {
  return defer(() => {
    if (request?.output === undefined) {
      throw new LlmInvalidRequestError(
        'output',
        'llm-rx: streamObject() needs request.output, e.g. {userPrompt: "…", output: {schema: ContactSchema}}.',
      );
    }
    // The stream's object parts are the schema's: the core parses and validates them against request.output.
    return llm.stream(request) as Observable<LlmObjectChunk<T>>;
  });
}
