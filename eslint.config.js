// @ts-check
const eslint = require('@eslint/js');
const tseslint = require('typescript-eslint');
const angular = require('angular-eslint');

const SDKS = ['openai', 'openai/*', '@anthropic-ai/*', '@google/genai', '@google/genai/*', 'cohere-ai', 'cohere-ai/*'];

module.exports = tseslint.config(
  {ignores: ['dist/', 'out-tsc/', '.angular/', 'coverage/', 'node_modules/', 'test-results/', 'playwright-report/']},
  {
    files: ['**/*.ts'],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommended, ...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      '@angular-eslint/directive-selector': ['error', {type: 'attribute', prefix: ['app', 'llm'], style: 'camelCase'}],
      '@angular-eslint/component-selector': ['error', {type: 'element', prefix: ['app', 'llm'], style: 'kebab-case'}],
    },
  },
  {
    // The core is framework- and SDK-free: it runs in any browser and in Node, and never pulls an SDK into a bundle.
    files: ['projects/llm-rx/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {group: ['@angular/*'], message: 'The llm-rx core must not import Angular; use llm-rx/angular.'},
            {group: SDKS, message: 'The llm-rx core must not import a provider SDK; use its entry point.'},
            {group: ['dexie'], message: 'Only llm-rx/logging imports Dexie.'},
            {group: ['@opentelemetry/*'], message: 'Only llm-rx/telemetry imports OpenTelemetry.'},
            {
              group: ['@pydantic/genai-prices'],
              message: 'Prices are generated into the core: run tools/generate-price-table.mjs.',
            },
          ],
        },
      ],
    },
  },
  {
    // llm-rx/telemetry depends on the OpenTelemetry API only: the app brings the SDK and exporters it wants.
    files: ['projects/llm-rx/telemetry/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*-fixtures.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@opentelemetry/*', '!@opentelemetry/api'],
              message: 'llm-rx/telemetry imports only @opentelemetry/api (its one optional peer).',
            },
          ],
        },
      ],
    },
  },
  {
    // llm-rx/proxy runs on servers: Node, Express and fetch-based edge runtimes. Web standards only at run time
    // (a type from node:http is fine), no Angular, no SDK, no browser storage.
    files: ['projects/llm-rx/proxy/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*-fixtures.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {group: ['@angular/*'], message: 'llm-rx/proxy runs on servers: no Angular.'},
            {group: [...SDKS, '!llm-rx/*'], message: 'llm-rx/proxy forwards HTTP: it needs no provider SDK.'},
            {group: ['dexie', '@opentelemetry/*'], message: 'llm-rx/proxy depends on the core only.'},
            {
              group: ['node:*', 'express', 'redis'],
              allowTypeImports: true,
              message: 'Types only: the proxy runs on edge runtimes too.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB'].map(name => ({
          name,
          message: 'llm-rx/proxy runs on servers: no browser globals.',
        })),
      ],
    },
  },
  {
    // llm-rx/compatible speaks Chat Completions through llm-rx/openai's `_` exports and the openai SDK's types.
    files: ['projects/llm-rx/compatible/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {group: [...SDKS, '!openai', '!openai/*'], message: 'llm-rx/compatible uses only the openai SDK.'},
            {
              group: ['@pydantic/genai-prices'],
              message: 'Preset prices are generated: run tools/generate-price-table.mjs.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts'],
    rules: {'@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off'},
  },
  {
    files: ['**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        jasmine: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {'@typescript-eslint/no-require-imports': 'off'},
  },
);
