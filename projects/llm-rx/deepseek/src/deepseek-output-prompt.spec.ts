import {resolveLlmOutput, type LlmRequest} from 'llm-rx';
import {z} from 'zod';
import {DEEPSEEK_OUTPUT_SCHEMA_MARKER, deepSeekOutputPrompt, withDeepSeekOutputPrompt} from './deepseek-output-prompt';

describe('deepSeekOutputPrompt', () => {
  const output = resolveLlmOutput({
    schema: z.object({title: z.string(), note: z.string().optional()}),
    name: 'recipe',
    description: 'A recipe card',
  });

  it('says to answer with one JSON object, names it, and ends with the schema as JSON after the marker', () => {
    const prompt = deepSeekOutputPrompt(output);
    expect(prompt).toMatch(/^Answer with one JSON object, "recipe" \(A recipe card\), and nothing else/);
    const at = prompt.indexOf(DEEPSEEK_OUTPUT_SCHEMA_MARKER);
    expect(at).toBeGreaterThan(0);
    // The request's own schema, optional properties still optional: only validation checks it.
    expect(JSON.parse(prompt.slice(at + DEEPSEEK_OUTPUT_SCHEMA_MARKER.length))).toEqual(output.jsonSchema);
    expect(deepSeekOutputPrompt({...output, description: undefined})).toContain('object, "recipe", and');
  });

  it('is appended to the system prompt after a blank line, or is the system prompt', () => {
    const request: LlmRequest = {userPrompt: 'Hi', systemPrompt: 'Be brief.'};
    const call = withDeepSeekOutputPrompt({request, output});
    expect(call.request.systemPrompt).toBe(`Be brief.\n\n${deepSeekOutputPrompt(output)}`);
    expect(call.request.userPrompt).toBe('Hi');
    // The request itself is not changed.
    expect(request.systemPrompt).toBe('Be brief.');
    expect(withDeepSeekOutputPrompt({request: {userPrompt: 'Hi'} as LlmRequest, output}).request.systemPrompt).toBe(
      deepSeekOutputPrompt(output),
    );
  });

  it('leaves a call without output as it is', () => {
    const call = {request: {userPrompt: 'Hi', systemPrompt: 'Be brief.'}, output: undefined};
    expect(withDeepSeekOutputPrompt(call)).toBe(call);
  });
});
