// A one-preset app: tools/check-bundles.mjs proves no other provider's SDK is bundled and no SDK is initial; the
// other presets, and their prices, are left out by tree-shaking (each preset provider is pure).
import {collectResponse} from 'llm-rx';
import {groqProvider} from 'llm-rx/compatible';

const llm = groqProvider.create('llama-3.3-70b-versatile', {baseURL: 'http://127.0.0.1:4010/groq/openai/v1'});
document.querySelector('button')?.addEventListener('click', () =>
  llm
    .stream({userPrompt: 'Hi'})
    .pipe(collectResponse())
    .subscribe(response => document.body.append(response.content)),
);
