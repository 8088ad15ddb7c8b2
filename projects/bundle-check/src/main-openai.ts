// A one-provider app: tools/check-bundles.mjs proves no other provider's SDK is bundled and no SDK is initial.
import {collectResponse} from 'llm-rx';
import {createOpenAiLlm} from 'llm-rx/openai';

const llm = createOpenAiLlm('gpt-5-mini', {baseURL: 'http://127.0.0.1:4010/v1'});
document.querySelector('button')?.addEventListener('click', () =>
  llm
    .stream({userPrompt: 'Hi'})
    .pipe(collectResponse())
    .subscribe(response => document.body.append(response.content)),
);
