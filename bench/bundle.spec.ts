import {initialOutputs, pageEntryFiles} from './bundle';

describe('initialOutputs', () => {
  it('follows static imports from the page’s files and leaves dynamic imports out, lazy entry points included', () => {
    const initial = initialOutputs(
      {
        outputs: {
          'main.js': {entryPoint: 'src/main.ts', imports: [{path: 'chunk-a.js', kind: 'import-statement'}]},
          'chunk-a.js': {
            imports: [
              {path: 'chunk-sdk.js', kind: 'dynamic-import'},
              {path: 'chunk-b.js', kind: 'import-statement'},
            ],
          },
          'chunk-b.js': {imports: [{path: 'chunk-a.js', kind: 'import-statement'}]},
          'chunk-sdk.js': {entryPoint: 'node_modules/openai/index.mjs'},
          'polyfills.js': {entryPoint: 'polyfills'},
        },
      },
      ['main.js', 'polyfills.js', 'missing.css'],
    );
    expect([...initial].sort()).toEqual(['chunk-a.js', 'chunk-b.js', 'main.js', 'polyfills.js']);
  });
});

describe('pageEntryFiles', () => {
  it('lists the scripts and stylesheets of a built index.html, not its modulepreload hints', () => {
    const html =
      '<link rel="stylesheet" href="styles-A.css"><link rel="modulepreload" href="chunk-B.js">' +
      '<script src="polyfills-C.js" type="module"></script><script src="main-D.js" type="module"></script>';
    expect(pageEntryFiles(html)).toEqual(['styles-A.css', 'polyfills-C.js', 'main-D.js']);
  });
});
