/** The parts of a `keydown` event the composer decides on. */
export interface ComposerKey {
  readonly key: string;
  readonly shiftKey: boolean;
  /** True while an input method (IME) composes a character: its Enter picks the candidate. */
  readonly isComposing: boolean;
  /** 229 on the Enter that ends a composition in some browsers, where `isComposing` is already false. */
  readonly keyCode?: number;
}

/**
 * What a key pressed in the composer does: Enter sends, Shift+Enter inserts a new line, and an Enter that picks an
 * IME candidate does neither (the browser handles it).
 * @param event The key event.
 * @returns `send` (prevent the default and send), or `default` (let the browser insert or compose).
 */
export function composerKeyAction(event: ComposerKey): 'send' | 'default' {
  if (event.key !== 'Enter' || event.shiftKey) return 'default';
  if (event.isComposing || event.keyCode === 229) return 'default';
  return 'send';
}
