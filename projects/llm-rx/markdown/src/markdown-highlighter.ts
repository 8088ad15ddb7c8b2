/**
 * Highlights the code of a finished code block.
 * @param code The block's text.
 * @param language The block's language as the fence names it (`ts` in ```` ```ts ````), if any.
 * @returns The highlighted HTML of the code (it is sanitized before use), or `undefined` to leave the block plain;
 * or a promise of either, for a highlighter that loads lazily.
 */
export type MarkdownHighlighter = (
  code: string,
  language: string | undefined,
) => string | undefined | Promise<string | undefined>;

/** The parts of highlight.js the default highlighter uses. */
export interface HighlightJsLike {
  getLanguage(name: string): unknown;
  highlight(code: string, options: {language: string; ignoreIllegals?: boolean}): {value: string};
  highlightAuto(code: string): {value: string};
}

/**
 * The default highlighter: highlight.js with its common languages (about 40, those LLMs write most: TypeScript,
 * JavaScript, Python, shell, JSON, HTML, CSS, SQL, Java, C, C++, C#, Go, Rust, YAML, Markdown, diff…), loaded with
 * `import()` at the first code block, so that an app that never shows one never downloads it. A block whose language
 * highlight.js does not know is guessed with `highlightAuto()`; a block without a language is left plain.
 * @param load Loads highlight.js; default: `import('highlight.js/lib/common')`.
 * @returns The highlighter.
 */
export function createHighlightJsHighlighter(
  load: () => Promise<{default: HighlightJsLike}> = () => import('highlight.js/lib/common'),
): MarkdownHighlighter {
  let loading: Promise<HighlightJsLike> | undefined;
  return async (code, language) => {
    if (!language) return undefined;
    loading ??= load().then(module => module.default);
    const hljs = await loading;
    return hljs.getLanguage(language)
      ? hljs.highlight(code, {language, ignoreIllegals: true}).value
      : hljs.highlightAuto(code).value;
  };
}
