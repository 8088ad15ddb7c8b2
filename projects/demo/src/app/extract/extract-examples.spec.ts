import {z} from 'zod';
import {ContactCardSchema} from './contact-card-example';
import {EXTRACT_EXAMPLES, extractExample} from './extract-examples';
import {InvoiceLinesSchema} from './invoice-lines-example';
import type {FieldLayout} from './object-layout';
import {RecipeSchema} from './recipe-example';

const SCHEMAS: Record<string, z.ZodType> = {
  contact: ContactCardSchema,
  recipe: RecipeSchema,
  invoice: InvoiceLinesSchema,
};

/** Where each example's wrong answer fails the schema: what the "fails the schema" preset shows. */
const MISMATCH_PATHS: Record<string, PropertyKey[][]> = {
  contact: [['email'], ['phones'], ['address', 'postalCode']],
  recipe: [['servings'], ['ingredients', 0, 'quantity'], ['ingredients', 0, 'unit']],
  invoice: [['date'], ['lines', 2, 'unitPrice'], ['currency']],
};

interface JsonSchemaNode {
  readonly properties?: Record<string, JsonSchemaNode>;
  readonly items?: JsonSchemaNode;
}

/** The keys a field of the layout shows, as paths, to compare with the schema's. */
function layoutPaths(fields: readonly FieldLayout[]): string[] {
  return fields.flatMap(field => {
    switch (field.kind) {
      case 'group':
        return [field.key, ...field.fields.map(sub => `${field.key}.${sub.key}`)];
      case 'table':
        return [field.key, ...field.columns.map(column => `${field.key}[].${column.key}`)];
      default:
        return [field.key];
    }
  });
}

/** The properties of the schema, two levels deep (objects, and the objects of arrays), as paths. */
function schemaPaths(node: JsonSchemaNode, prefix = ''): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const path = prefix + key;
    if (prefix) return [path];
    if (child.properties) return [path, ...schemaPaths(child, `${path}.`)];
    if (child.items?.properties) return [path, ...schemaPaths(child.items, `${path}[].`)];
    return [path];
  });
}

/** The strings of a value, at any depth. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringsOf);
}

describe('extract examples', () => {
  it('have unique ids and names the providers accept', () => {
    expect(new Set(EXTRACT_EXAMPLES.map(example => example.id)).size).toBe(EXTRACT_EXAMPLES.length);
    for (const example of EXTRACT_EXAMPLES) expect(example.output.name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(extractExample('recipe').label).toBe('Recipe');
  });

  for (const example of EXTRACT_EXAMPLES) {
    describe(example.label, () => {
      const schema = SCHEMAS[example.id];

      it('uses its zod schema', () => {
        expect(example.output.schema).toBe(schema);
      });

      it('has a prepared answer that passes the schema and quotes the sample text', () => {
        expect(schema.safeParse(example.sampleAnswer).success).toBe(true);
        // Every string the model "extracted" is in the text (numbers and normalised values aside).
        const quoted = stringsOf(example.sampleAnswer).filter(text => text.length > 3);
        const sample = example.sampleText.toLowerCase();
        const missing = quoted.filter(text => !sample.includes(text.toLowerCase()));
        expect(quoted.length).toBeGreaterThan(3);
        expect(missing.length)
          .withContext(missing.join(' | '))
          .toBeLessThan(quoted.length / 4);
      });

      it('has a wrong answer that the schema refuses, with an issue in each of three places', () => {
        const result = schema.safeParse(example.mismatchAnswer);
        expect(result.success).toBe(false);
        expect(result.error?.issues.map(issue => issue.path)).toEqual(MISMATCH_PATHS[example.id]);
      });

      it('shows every property of the schema in its form, and nothing else', () => {
        const jsonSchema = z.toJSONSchema(schema) as JsonSchemaNode;
        expect(layoutPaths(example.layout).sort()).toEqual(schemaPaths(jsonSchema).sort());
      });
    });
  }
});
