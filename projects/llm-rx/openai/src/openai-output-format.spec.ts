import {createWarnOnce, resolveLlmOutput} from 'llm-rx';
import {z} from 'zod';
import {openAiOutputFormat} from './openai-output-format';

describe('openAiOutputFormat', () => {
  const names = (warn = jasmine.createSpy('warn')) => ({
    provider: 'openai',
    model: 'gpt-5-mini',
    warnOnce: createWarnOnce(warn),
    warn,
  });

  it('gives the name, the description, the strict schema and strict: true', () => {
    const call = names();
    const output = resolveLlmOutput({schema: z.object({a: z.string()}), name: 'thing', description: 'A thing'});
    const {format, prepareObject} = openAiOutputFormat(output, call);
    expect(format).toEqual({
      name: 'thing',
      description: 'A thing',
      schema: {type: 'object', properties: {a: {type: 'string'}}, required: ['a'], additionalProperties: false},
      strict: true,
    });
    // Nothing to read back: every property was required.
    expect(prepareObject).toBeUndefined();
    expect(call.warn).not.toHaveBeenCalled();
  });

  it('leaves the description out when there is none, and reads optional properties back', () => {
    const {format, prepareObject} = openAiOutputFormat(
      resolveLlmOutput({schema: z.object({a: z.string().optional()})}),
      names(),
    );
    expect('description' in format).toBeFalse();
    expect(format.name).toBe('response');
    expect(prepareObject?.({a: null})).toEqual({});
  });

  it('sends a schema that cannot be strict with strict: false, and warns once per schema name', () => {
    const call = names();
    const record = resolveLlmOutput({schema: z.object({m: z.record(z.string(), z.string())}), name: 'map'});
    expect(openAiOutputFormat(record, call).format.strict).toBeFalse();
    openAiOutputFormat(record, call);
    expect(call.warn).toHaveBeenCalledTimes(1);
    const message = String(call.warn.calls.first().args[0]);
    expect(message).toContain('"map"');
    expect(message).toContain('openai (gpt-5-mini)');
    expect(message).toContain('strict: false');
    expect(message).toContain("only llm-rx's validation checks the answer");
    // Another schema that cannot be strict is warned about too.
    openAiOutputFormat(
      resolveLlmOutput({schema: z.object({m: z.record(z.string(), z.number())}), name: 'other'}),
      call,
    );
    expect(call.warn).toHaveBeenCalledTimes(2);
  });
});
