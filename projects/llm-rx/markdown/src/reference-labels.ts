/**
 * Whether a block's markdown may use a reference link label (`[text][label]`, `[label][]` or `[label]`): it
 * contains `[label]`, compared as `marked` compares labels (case and runs of white space ignored). It may say yes
 * for a block that only mentions the label in code; the block is then rendered again for nothing.
 * @param markdown The block's markdown.
 * @param label A label as `marked` normalises it (lower case, single spaces).
 * @returns Whether the block mentions it.
 */
export function mentionsLinkLabel(markdown: string, label: string): boolean {
  return markdown.replace(/\s+/g, ' ').toLowerCase().includes(`[${label}]`);
}
