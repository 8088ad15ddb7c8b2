import {type} from 'arktype';
import * as v from 'valibot';
import {z} from 'zod';
import {llmJsonSchema} from './llm-output';
import {validateLlmObject} from './validate-llm-object';

describe('validateLlmObject', () => {
  it("gives a zod schema's output, its defaults and transforms applied", async () => {
    const schema = z.object({name: z.string().transform(name => name.toUpperCase()), age: z.number().default(30)});
    expect(await validateLlmObject({schema}, {name: 'ada'})).toEqual({value: {name: 'ADA', age: 30}});
  });

  it('lists the issues of a zod, valibot and arktype schema with their paths', async () => {
    const zod = await validateLlmObject(
      {schema: z.object({items: z.array(z.object({qty: z.number()}))})},
      {
        items: [{qty: 1}, {qty: 'two'}],
      },
    );
    expect(zod.issues?.map(issue => issue.path)).toEqual([['items', 1, 'qty']]);
    const valibot = await validateLlmObject({schema: v.object({qty: v.number()})}, {qty: 'two'});
    expect(valibot.issues?.map(issue => issue.path)).toEqual([['qty']]);
    const arktype = await validateLlmObject({schema: type({qty: 'number'})}, {qty: 'two'});
    expect(arktype.issues?.map(issue => issue.path)).toEqual([['qty']]);
    expect(arktype.issues?.[0].message).toContain('number');
  });

  it('awaits a Standard Schema that validates asynchronously', async () => {
    const schema = z.object({code: z.string().refine(async code => code === 'ok', 'not ok')});
    expect(await validateLlmObject({schema}, {code: 'ok'})).toEqual({value: {code: 'ok'}});
    expect((await validateLlmObject({schema}, {code: 'no'})).issues).toEqual([{message: 'not ok', path: ['code']}]);
  });

  it('checks a plain JSON Schema without eval, reporting the innermost issues with their paths', async () => {
    const schema = llmJsonSchema({
      type: 'object',
      properties: {
        title: {type: 'string'},
        lines: {
          type: 'array',
          items: {type: 'object', properties: {qty: {type: 'integer', minimum: 1}}, required: ['qty']},
        },
        'a/b': {type: 'boolean'},
      },
      required: ['title'],
      additionalProperties: false,
    });
    expect(await validateLlmObject({schema}, {title: 'x', lines: [{qty: 2}]})).toEqual({
      value: {title: 'x', lines: [{qty: 2}]},
    });
    const result = await validateLlmObject({schema}, {lines: [{qty: 1}, {qty: 0}, {}], 'a/b': 'yes', extra: 1});
    const paths = (result.issues ?? []).map(issue => JSON.stringify(issue.path));
    expect(paths).toContain('[]');
    expect(paths).toContain('["lines",1,"qty"]');
    expect(paths).toContain('["lines",2]');
    expect(paths).toContain('["a/b"]');
    // "properties" / "items" wrappers that only repeat an inner issue are left out.
    expect(paths).not.toContain('["lines"]');
  });
});
