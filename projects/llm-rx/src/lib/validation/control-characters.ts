/** Whether a character is whitespace or a control character (C0, DEL), as found in a key read from a file. */
function isBlankOrControl(character: string): boolean {
  const code = character.charCodeAt(0);
  return code <= 0x20 || code === 0x7f || /\s/.test(character);
}

/**
 * Whether a text holds whitespace or a control character anywhere.
 * @param text The text, e.g. an API key.
 * @returns Whether it does.
 */
export function hasBlankOrControl(text: string): boolean {
  return Array.from(text).some(isBlankOrControl);
}

/**
 * The parts of a text between its whitespace and control characters.
 * @param text The text, e.g. an API key with a stray line break.
 * @returns The non-empty parts, in order.
 */
export function splitOnBlankOrControl(text: string): string[] {
  const parts: string[] = [];
  let part = '';
  for (const character of text) {
    if (!isBlankOrControl(character)) {
      part += character;
    } else if (part !== '') {
      parts.push(part);
      part = '';
    }
  }
  if (part !== '') parts.push(part);
  return parts;
}
