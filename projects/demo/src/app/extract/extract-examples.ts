import {CONTACT_CARD_EXAMPLE} from './contact-card-example';
import type {ExtractExample, ExtractExampleId} from './extract-example';
import {INVOICE_LINES_EXAMPLE} from './invoice-lines-example';
import {RECIPE_EXAMPLE} from './recipe-example';

/** The schemas of the Extract page, in the picker's order, the default first. */
export const EXTRACT_EXAMPLES: readonly ExtractExample[] = [
  CONTACT_CARD_EXAMPLE,
  RECIPE_EXAMPLE,
  INVOICE_LINES_EXAMPLE,
];

/**
 * The example of an id.
 * @param id The example's id.
 * @returns Its example.
 */
export function extractExample(id: ExtractExampleId): ExtractExample {
  const example = EXTRACT_EXAMPLES.find(candidate => candidate.id === id);
  if (!example) throw new Error(`demo: unknown extract example "${id}"`);
  return example;
}
