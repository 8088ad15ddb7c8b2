/**
 * The renderers the markdown bench compares: the streaming renderer of `llm-rx/markdown`, whole-text `marked` +
 * `innerHTML` every frame (today's demo), and ngx-markdown's component.
 */
export const MARKDOWN_RENDERERS = ['llm-rx', 'marked', 'ngx-markdown'] as const;

/** A renderer name. */
export type MarkdownRendererName = (typeof MARKDOWN_RENDERERS)[number];

/** What the page can run: a renderer, or `none`, the stream and frame loop alone (the main-thread baseline). */
export type MarkdownPageRenderer = MarkdownRendererName | 'none';
