/** How a number is shown: as is, or as an amount with two decimals. */
export type FieldFormat = 'number' | 'amount';

/** One value of the object: a string, a number, a boolean or `null`. */
export interface ValueFieldLayout {
  readonly kind: 'value';
  /** The property's key in the object. */
  readonly key: string;
  readonly label: string;
  readonly format?: FieldFormat;
}

/** A list of values (e.g. phone numbers), one line each. */
export interface ListFieldLayout {
  readonly kind: 'list';
  readonly key: string;
  readonly label: string;
}

/** A nested object of values (e.g. an address), shown as a group of fields. */
export interface GroupFieldLayout {
  readonly kind: 'group';
  readonly key: string;
  readonly label: string;
  readonly fields: readonly ValueFieldLayout[];
}

/** One column of a table: a property of each row's object. */
export interface TableColumnLayout {
  readonly key: string;
  readonly label: string;
  readonly format?: FieldFormat;
}

/** A list of objects (e.g. invoice lines), shown as a table with a row per object. */
export interface TableFieldLayout {
  readonly kind: 'table';
  readonly key: string;
  readonly label: string;
  readonly columns: readonly TableColumnLayout[];
}

/** One property of the object and how the form shows it. */
export type FieldLayout = ValueFieldLayout | ListFieldLayout | GroupFieldLayout | TableFieldLayout;

/**
 * How the Extract page's form shows one schema's object: its top-level properties in order, each a value, a list,
 * a group or a table. The form fills in from any partial object, whatever the model sent so far.
 */
export type ObjectLayout = readonly FieldLayout[];
