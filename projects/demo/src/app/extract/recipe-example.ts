import {z} from 'zod';
import type {ExtractExample} from './extract-example';

/** A recipe: what it is, for how many, what goes in, and the steps. */
export const RecipeSchema = z.object({
  title: z.string(),
  servings: z.int().positive(),
  ingredients: z.array(
    z.object({
      name: z.string(),
      quantity: z.number().positive(),
      unit: z.string().describe('g, ml, tbsp, piece, clove, …'),
    }),
  ),
  steps: z.array(z.string()),
});

/** The object the recipe schema gives. */
export type Recipe = z.infer<typeof RecipeSchema>;

const SAMPLE_TEXT = `Weeknight tomato soup (serves 4)

You need 800 g of canned tomatoes, 1 onion, 2 cloves of garlic, 500 ml of vegetable stock, 2 tablespoons of olive oil and 100 ml of cream.

Soften the chopped onion and garlic in the olive oil for 5 minutes. Add the tomatoes and the stock and simmer for 20 minutes. Blend until smooth, then stir in the cream and season to taste.`;

/** The recipe example: a soup described in prose. */
export const RECIPE_EXAMPLE: ExtractExample<Recipe> = {
  id: 'recipe',
  label: 'Recipe',
  output: {schema: RecipeSchema, name: 'recipe', description: 'A recipe with its ingredients and steps'},
  layout: [
    {kind: 'value', key: 'title', label: 'Title'},
    {kind: 'value', key: 'servings', label: 'Servings', format: 'number'},
    {
      kind: 'table',
      key: 'ingredients',
      label: 'Ingredients',
      columns: [
        {key: 'name', label: 'Ingredient'},
        {key: 'quantity', label: 'Quantity', format: 'number'},
        {key: 'unit', label: 'Unit'},
      ],
    },
    {kind: 'list', key: 'steps', label: 'Steps'},
  ],
  sampleText: SAMPLE_TEXT,
  sampleAnswer: {
    title: 'Weeknight tomato soup',
    servings: 4,
    ingredients: [
      {name: 'canned tomatoes', quantity: 800, unit: 'g'},
      {name: 'onion', quantity: 1, unit: 'piece'},
      {name: 'garlic', quantity: 2, unit: 'clove'},
      {name: 'vegetable stock', quantity: 500, unit: 'ml'},
      {name: 'olive oil', quantity: 2, unit: 'tbsp'},
      {name: 'cream', quantity: 100, unit: 'ml'},
    ],
    steps: [
      'Soften the chopped onion and garlic in the olive oil for 5 minutes.',
      'Add the tomatoes and the stock and simmer for 20 minutes.',
      'Blend until smooth, then stir in the cream and season to taste.',
    ],
  },
  mismatchAnswer: {
    title: 'Weeknight tomato soup',
    servings: 'serves 4',
    ingredients: [
      {name: 'canned tomatoes', quantity: '800 g'},
      {name: 'onion', quantity: 1, unit: 'piece'},
      {name: 'garlic', quantity: 2, unit: 'clove'},
    ],
    steps: ['Soften the onion and garlic, add the tomatoes and the stock, simmer, blend, add the cream.'],
  },
  refusal: "I'm sorry, but I can't help with that request.",
};
