/*
 * Public API of llm-rx/markdown: the framework-free streaming markdown renderer, its default sanitizer and
 * highlighter. The Angular component is in llm-rx/markdown/angular.
 */
export {StreamingMarkdown} from './src/streaming-markdown';
export type {StreamingMarkdownOptions, StreamingMarkdownStats} from './src/streaming-markdown-options';
export {createMarkdownSanitizer} from './src/markdown-sanitizer';
export type {MarkdownSanitizer} from './src/markdown-sanitizer';
export {createHighlightJsHighlighter} from './src/markdown-highlighter';
export type {HighlightJsLike, MarkdownHighlighter} from './src/markdown-highlighter';
export {healMarkdownBlock} from './src/heal-markdown';
