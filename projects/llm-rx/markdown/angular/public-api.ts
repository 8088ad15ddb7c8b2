/*
 * Public API of llm-rx/markdown/angular: the LlmMarkdown component, a thin binding of llm-rx/markdown's
 * StreamingMarkdown to a text signal or Observable.
 */
export {LlmMarkdown} from './src/llm-markdown';
