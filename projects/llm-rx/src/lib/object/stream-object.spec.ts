import {llmFromObservable, usagePart} from 'llm-rx/testing';
import {firstValueFrom, of, toArray} from 'rxjs';
import {z} from 'zod';
import type {LlmChunk} from '../chunk/llm-chunk';
import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import {collectResponse} from '../operators/collect-response';
import type {LlmRequest} from '../request/llm-request';
import type {LlmDeepPartial} from './llm-output';
import {type LlmObjectRequest, streamObject} from './stream-object';

const Contact = z.object({name: z.string(), phones: z.array(z.string())});
type Contact = z.infer<typeof Contact>;

describe('streamObject', () => {
  it("is the model's stream of the request, output included, typed by the schema", async () => {
    const requests: LlmRequest[] = [];
    const chunks: LlmChunk[] = [
      {type: 'text-delta', text: '{"name":"Ada","phones":[]}'},
      {type: 'partial-object', object: {name: 'Ada'}},
      {type: 'object', object: {name: 'Ada', phones: []}},
      usagePart(),
    ];
    const llm = llmFromObservable('p', 'm', request => {
      requests.push(request);
      return of(...chunks);
    });
    const request: LlmObjectRequest<Contact> = {userPrompt: 'Ada', output: {schema: Contact, name: 'contact'}};
    const stream = streamObject(llm, request);
    // Cold: nothing is asked before subscription.
    expect(requests).toEqual([]);
    const parts = await firstValueFrom(stream.pipe(toArray()));
    expect(requests).toEqual([request]);
    expect(parts as LlmChunk[]).toEqual(chunks);
    // The types: a partial is deep partial, the object part and the collected object are the schema's type.
    const partial = parts.find(part => part.type === 'partial-object');
    const name: string | undefined = partial?.type === 'partial-object' ? partial.object.name : undefined;
    expect(name).toBe('Ada');
    const response = await firstValueFrom(streamObject(llm, request).pipe(collectResponse()));
    const phones: string[] = response.object.phones;
    expect(phones).toEqual([]);
    // Checked by the type-check: a partial is never taken for the validated type.
    if (partial?.type === 'partial-object') {
      const grown: LlmDeepPartial<Contact> = partial.object;
      // @ts-expect-error a deep partial is not a Contact: its properties may be missing
      const validated: Contact = partial.object;
      expect([grown, validated]).toEqual([{name: 'Ada'}, {name: 'Ada'}]);
    }
  });

  it('fails at subscription with an LlmInvalidRequestError naming output when there is none', async () => {
    const llm = llmFromObservable('p', 'm', () => of(usagePart()));
    const stream = streamObject(llm, {userPrompt: 'Ada'} as LlmObjectRequest<Contact>);
    const error = await firstValueFrom(stream).catch((caught: unknown) => caught);
    expect(LlmInvalidRequestError.isInstance(error)).toBeTrue();
    expect((error as LlmInvalidRequestError).field).toBe('output');
  });
});
