import type {LlmObjectIssue} from 'llm-rx';
import {growingPath, type ObjectPath, startsWithPath, valueAtPath} from './growing-path';
import type {FieldFormat, FieldLayout, ObjectLayout, TableColumnLayout, ValueFieldLayout} from './object-layout';

/**
 * Where a field is: not sent yet while the object streams (`pending`), being written (the object grows there),
 * sent (`filled`), or missing from the finished object (`absent`).
 */
export type FieldState = 'pending' | 'writing' | 'filled' | 'absent';

/** What every shown part of the object has: its state and what the schema said about it, if it refused it. */
interface PartView {
  readonly state: FieldState;
  /** The message of the validation issue at this very path. */
  readonly issue: string | undefined;
}

/** A value as shown: its text (empty while it is not there), and whether it is a number. */
export interface ValueView extends PartView {
  readonly text: string;
  readonly isNumeric: boolean;
}

/** A top-level value, or one of a group. */
export interface ValueFieldView extends ValueView {
  readonly kind: 'value';
  /** The path's steps joined by `-`, e.g. `address-city`: the field's test id. */
  readonly id: string;
  readonly label: string;
}

/** A list of values. */
export interface ListFieldView extends PartView {
  readonly kind: 'list';
  readonly id: string;
  readonly label: string;
  readonly items: readonly ValueView[];
  /** The value as text when it is not a list (an answer the schema refuses may send anything). */
  readonly otherText: string;
}

/** A nested object's values. */
export interface GroupFieldView extends PartView {
  readonly kind: 'group';
  readonly id: string;
  readonly label: string;
  readonly fields: readonly ValueFieldView[];
  readonly otherText: string;
}

/** One row of a table: one object of the list. */
export interface TableRowView extends PartView {
  readonly cells: readonly ValueView[];
}

/** A list of objects as a table. */
export interface TableFieldView extends PartView {
  readonly kind: 'table';
  readonly id: string;
  readonly label: string;
  readonly columns: readonly {readonly key: string; readonly label: string; readonly isNumeric: boolean}[];
  readonly rows: readonly TableRowView[];
  readonly otherText: string;
}

/** One property of the object, as the form shows it. */
export type FieldView = ValueFieldView | ListFieldView | GroupFieldView | TableFieldView;

/** Whether the object still streams, and what the schema refused once it ended. */
export interface ObjectFormOptions {
  readonly isStreaming: boolean;
  readonly issues?: readonly LlmObjectIssue[];
}

/** What each part's state and issue are computed from. */
interface FormContext {
  readonly isStreaming: boolean;
  /** Where the object grows, while it streams. */
  readonly writing: ObjectPath | undefined;
  readonly issues: readonly LlmObjectIssue[];
}

/**
 * The form of a (partial) object under a layout: each field's text and state, list items and table rows as they
 * arrived, the part being written marked while the object streams, and each issue of a failed validation on the
 * field it is about. Any value is shown, whether or not it matches the schema.
 * @param layout The fields to show.
 * @param value The object so far (or the validated one, or the refused one).
 * @param options Whether it still streams; the validation issues.
 * @returns The fields, in the layout's order.
 */
export function objectFormView(layout: ObjectLayout, value: unknown, options: ObjectFormOptions): FieldView[] {
  const context: FormContext = {
    isStreaming: options.isStreaming,
    writing: options.isStreaming ? growingPath(value) : undefined,
    issues: options.issues ?? [],
  };
  return layout.map(field => fieldView(field, value, context));
}

function fieldView(field: FieldLayout, root: unknown, context: FormContext): FieldView {
  const path = [field.key];
  const value = valueAtPath(root, path);
  switch (field.kind) {
    case 'value':
      return valueFieldView(field, root, [], context);
    case 'list':
      return {
        kind: 'list',
        id: field.key,
        label: field.label,
        ...partView(path, value, context),
        items: Array.isArray(value) ? value.map((_item, index) => valueView(root, [...path, index], context)) : [],
        otherText: Array.isArray(value) ? '' : textOf(value),
      };
    case 'group':
      return {
        kind: 'group',
        id: field.key,
        label: field.label,
        ...partView(path, value, context),
        fields:
          isRecord(value) || value === undefined
            ? field.fields.map(sub => valueFieldView(sub, root, path, context))
            : [],
        otherText: isRecord(value) || value === undefined ? '' : textOf(value),
      };
    case 'table':
      return {
        kind: 'table',
        id: field.key,
        label: field.label,
        ...partView(path, value, context),
        columns: field.columns.map(column => ({
          key: column.key,
          label: column.label,
          isNumeric: isNumericColumn(column),
        })),
        rows: Array.isArray(value)
          ? value.map((_row, index) => ({
              ...partView([...path, index], value[index], context),
              cells: field.columns.map(column => valueView(root, [...path, index, column.key], context, column.format)),
            }))
          : [],
        otherText: Array.isArray(value) ? '' : textOf(value),
      };
  }
}

function valueFieldView(
  field: ValueFieldLayout,
  root: unknown,
  parent: ObjectPath,
  context: FormContext,
): ValueFieldView {
  const path = [...parent, field.key];
  return {kind: 'value', id: path.join('-'), label: field.label, ...valueView(root, path, context, field.format)};
}

function valueView(root: unknown, path: ObjectPath, context: FormContext, format?: FieldFormat): ValueView {
  const value = valueAtPath(root, path);
  return {
    ...partView(path, value, context),
    text: textOf(value, format),
    isNumeric: typeof value === 'number',
  };
}

function partView(path: ObjectPath, value: unknown, context: FormContext): PartView {
  const issue = context.issues.find(candidate => samePath(candidate.path, path))?.message;
  if (context.writing !== undefined && path.length > 0 && startsWithPath(context.writing, path)) {
    return {state: 'writing', issue};
  }
  if (value === undefined) return {state: context.isStreaming ? 'pending' : 'absent', issue};
  return {state: 'filled', issue};
}

/**
 * A value as text: strings as they are, numbers (amounts with two decimals), `none` for `null`, anything else as
 * JSON; empty for a value not there.
 * @param value The value.
 * @param format How to show a number.
 * @returns The text.
 */
export function textOf(value: unknown, format: FieldFormat = 'number'): string {
  if (value === undefined) return '';
  if (value === null) return 'none';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return format === 'amount' ? value.toFixed(2) : String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return JSON.stringify(value);
}

function isNumericColumn(column: TableColumnLayout): boolean {
  return column.format !== undefined;
}

function samePath(left: readonly PropertyKey[], right: ObjectPath): boolean {
  return left.length === right.length && left.every((step, index) => step === right[index]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
