import type {ObjectLayout} from './object-layout';
import {type FieldView, objectFormView, textOf} from './object-form-view';

const LAYOUT: ObjectLayout = [
  {kind: 'value', key: 'name', label: 'Name'},
  {kind: 'list', key: 'phones', label: 'Phones'},
  {kind: 'group', key: 'address', label: 'Address', fields: [{kind: 'value', key: 'city', label: 'City'}]},
  {
    kind: 'table',
    key: 'lines',
    label: 'Lines',
    columns: [
      {key: 'description', label: 'Description'},
      {key: 'unitPrice', label: 'Unit price', format: 'amount'},
    ],
  },
];

function field<K extends FieldView['kind']>(views: FieldView[], kind: K): Extract<FieldView, {kind: K}> {
  return views.find(view => view.kind === kind) as Extract<FieldView, {kind: K}>;
}

describe('objectFormView', () => {
  it('shows the fields sent so far, marks where the object grows, and leaves the rest pending', () => {
    const views = objectFormView(LAYOUT, {name: 'Ada', phones: ['+44 1', '+44']}, {isStreaming: true});
    expect(field(views, 'value')).toEqual(jasmine.objectContaining({id: 'name', text: 'Ada', state: 'filled'}));
    const phones = field(views, 'list');
    expect(phones.state).toBe('writing');
    expect(phones.items.map(item => [item.text, item.state])).toEqual([
      ['+44 1', 'filled'],
      ['+44', 'writing'],
    ]);
    expect(field(views, 'group').state).toBe('pending');
    expect(field(views, 'group').fields[0]).toEqual(jasmine.objectContaining({id: 'address-city', state: 'pending'}));
    expect(field(views, 'table').rows).toEqual([]);
  });

  it('appends table rows and marks the row and the cell being written', () => {
    const value = {lines: [{description: 'Consulting', unitPrice: 150}, {description: 'Work'}]};
    const table = field(objectFormView(LAYOUT, value, {isStreaming: true}), 'table');
    expect(table.rows.map(row => row.state)).toEqual(['filled', 'writing']);
    expect(table.rows[0].cells.map(cell => cell.text)).toEqual(['Consulting', '150.00']);
    expect(table.rows[1].cells.map(cell => cell.state)).toEqual(['writing', 'pending']);
    expect(table.columns.map(column => column.isNumeric)).toEqual([false, true]);
  });

  it('marks nothing as written once the object is done, and missing fields as absent', () => {
    const views = objectFormView(LAYOUT, {name: 'Ada', phones: []}, {isStreaming: false});
    expect(views.map(view => view.state)).toEqual(['filled', 'filled', 'absent', 'absent']);
  });

  it('puts each validation issue on the field it is about, and shows values of the wrong type as text', () => {
    const value = {name: 'Ada', phones: '+44 1, +44 2', lines: [{description: 'x', unitPrice: '€150'}]};
    const views = objectFormView(LAYOUT, value, {
      isStreaming: false,
      issues: [
        {path: ['phones'], message: 'expected array'},
        {path: ['lines', 0, 'unitPrice'], message: 'expected number'},
      ],
    });
    const phones = field(views, 'list');
    expect(phones.issue).toBe('expected array');
    expect(phones.otherText).toBe('+44 1, +44 2');
    expect(field(views, 'value').issue).toBeUndefined();
    expect(field(views, 'table').rows[0].cells[1]).toEqual(
      jasmine.objectContaining({text: '€150', issue: 'expected number', isNumeric: false}),
    );
  });
});

describe('textOf', () => {
  it('shows strings, numbers, amounts, null and other values', () => {
    expect(textOf(undefined)).toBe('');
    expect(textOf(null)).toBe('none');
    expect(textOf('x')).toBe('x');
    expect(textOf(4)).toBe('4');
    expect(textOf(86.4, 'amount')).toBe('86.40');
    expect(textOf(true)).toBe('yes');
    expect(textOf({a: 1})).toBe('{"a":1}');
  });
});
