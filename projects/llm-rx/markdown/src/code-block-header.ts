/** The class of the box that holds a code block and its header. */
export const CODE_BLOCK_CLASS = 'llm-markdown-code';
const COPY_LABEL = 'Copy';
const COPIED_LABEL = 'Copied';
/** How long the copy button says it copied. */
const COPIED_FOR_MS = 1500;

/**
 * Puts each code block of freshly rendered (and sanitized) nodes in a box with a header: the fence's language, if
 * any, and a copy button (a real `<button>` named "Copy code"). Built with DOM calls, after sanitizing: the only
 * text it takes from the model is the language, set as text.
 * @param fragment The nodes of one render, before they enter the page.
 */
export function addCodeBlockHeaders(fragment: DocumentFragment): void {
  for (const pre of fragment.querySelectorAll('pre')) {
    const code = pre.querySelector(':scope > code');
    if (!code) continue;
    const document = pre.ownerDocument;
    const box = document.createElement('div');
    box.className = CODE_BLOCK_CLASS;
    const header = document.createElement('div');
    header.className = `${CODE_BLOCK_CLASS}-header`;
    const language = document.createElement('span');
    language.className = `${CODE_BLOCK_CLASS}-language`;
    language.textContent = /(?:^|\s)language-(\S+)/.exec(code.className)?.[1] ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `${CODE_BLOCK_CLASS}-copy`;
    button.textContent = COPY_LABEL;
    button.setAttribute('aria-label', 'Copy code');
    header.append(language, button);
    pre.replaceWith(box);
    box.append(header, pre);
  }
}

/**
 * Copies a code block to the clipboard when its copy button is clicked; meant as one click listener on the
 * renderer's container, so that no block needs a listener of its own.
 * @param event A click inside the container.
 */
export function copyCodeOnClick(event: Event): void {
  const button = (event.target as Element | null)?.closest?.(`.${CODE_BLOCK_CLASS}-copy`);
  const code = button?.closest(`.${CODE_BLOCK_CLASS}`)?.querySelector('pre > code');
  if (!button || !code) return;
  const clipboard = button.ownerDocument.defaultView?.navigator.clipboard;
  clipboard
    ?.writeText(code.textContent ?? '')
    .then(() => {
      button.textContent = COPIED_LABEL;
      button.setAttribute('aria-label', 'Code copied');
      setTimeout(() => {
        button.textContent = COPY_LABEL;
        button.setAttribute('aria-label', 'Copy code');
      }, COPIED_FOR_MS);
    })
    // A page without clipboard access (an insecure origin, a denied permission) leaves the button as it was.
    .catch(() => undefined);
}
