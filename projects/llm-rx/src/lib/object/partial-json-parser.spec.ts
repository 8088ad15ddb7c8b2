import {mulberry32, type Random} from '@llm-rx/spec-support';
import {PartialJsonParser} from './partial-json-parser';

/** JSON that exercises every state of the parser, each parsed by JSON.parse for the expected value. */
const VALID = [
  '{"a":1,"b":[true,false,null],"c":{"d":"x\\"y\\\\z\\u00e9\\ud83d\\ude00"},"e":-1.5e+3,"f":0.25,"g":1E5}',
  '[]',
  '{}',
  '"just a string"',
  '-0',
  '12',
  ' [ 1 , 2 , [ ] , { } ] ',
  '{"a":{"a":{"a":[[[{"deep":"yes"}]]]}}}',
  '{"k":"first","k":"second"}',
  '{"s":"\\ud83d"}',
  '{"s":"\\ud83d\\u0041"}',
  '{"s":"line\\nnext\\ttab\\/slash\\b\\f\\r"}',
  '{"emoji":"😀 raw","cjk":"漢字","rtl":"שלום"}',
  '{"list":[{"id":1,"tags":["a","b"]},{"id":2,"tags":[]}],"total":3.14159}',
  '\n\t{"spaced" :  "out" ,\r\n "n" : -12.5e-3 }\n',
];

/** Text that is not JSON; JSON.parse refuses each too. */
const INVALID = [
  '{"a":1,}',
  '[1,]',
  '{a:1}',
  '01',
  '{"a":1}x',
  '"\u0001"',
  '{"a" 1}',
  '[1 2]',
  'tru',
  'nul',
  '{"a":-}',
  '1.',
  '{"a":"\\x"}',
  '"\\u12G4"',
  'Sorry, I cannot do that.',
  '{"a":1]',
  '[1}',
];

/** Splits a text into pieces of 1 to `max` characters. */
function split(text: string, random: Random, max: number): string[] {
  const pieces: string[] = [];
  for (let index = 0; index < text.length;) {
    const size = 1 + Math.floor(random() * max);
    pieces.push(text.slice(index, index + size));
    index += size;
  }
  return pieces;
}

function parse(pieces: readonly string[]): {parser: PartialJsonParser; snapshots: unknown[]} {
  const parser = new PartialJsonParser();
  const snapshots: unknown[] = [];
  for (const piece of pieces) if (parser.push(piece)) snapshots.push(parser.snapshot());
  return {parser, snapshots};
}

describe('PartialJsonParser', () => {
  it('ends with the value JSON.parse gives, however the text is split', () => {
    const random = mulberry32(11);
    for (const text of VALID) {
      for (let round = 0; round < 100; round++) {
        const {parser} = parse(split(text, random, round % 2 === 0 ? 3 : 17));
        const ended = parser.end();
        expect(ended)
          .withContext(text)
          .toEqual({value: JSON.parse(text)});
      }
    }
  });

  it('refuses what JSON.parse refuses, with the position of the fault', () => {
    for (const text of INVALID) {
      expect(() => JSON.parse(text))
        .withContext(text)
        .toThrow();
      const {parser} = parse(Array.from(text));
      const ended = parser.end();
      expect('failure' in ended)
        .withContext(text)
        .toBeTrue();
    }
    const {parser} = parse(['{"name": "Ada",', ' oops']);
    expect(parser.end()).toEqual({
      failure: {message: 'unexpected "o" where a key in double quotes should be', position: 16},
    });
  });

  it('says when the text ended before the value did, and when it was empty', () => {
    expect(parse(['{"name": "Ad']).parser.end()).toEqual({
      failure: {message: 'the text ended before the JSON value did', position: 12},
    });
    expect(parse(['  ']).parser.end()).toEqual({
      failure: {message: 'the answer is empty, not a JSON value', position: 2},
    });
  });

  it('reads nothing after the first fault', () => {
    const parser = new PartialJsonParser();
    expect(parser.push('{"a": x')).toBeTrue();
    expect(parser.failure?.position).toBe(6);
    expect(parser.push('"b"}')).toBeFalse();
    expect(parser.failure?.position).toBe(6);
  });

  it('shows strings as they grow, numbers and literals once complete, keys once their value starts', () => {
    const {snapshots} = parse(Array.from('{"name":"Al","n":12,"ok":true,"tags":["x"]}'));
    expect(snapshots).toEqual([
      {},
      {name: ''},
      {name: 'A'},
      {name: 'Al'},
      {name: 'Al', n: 12},
      {name: 'Al', n: 12, ok: true},
      {name: 'Al', n: 12, ok: true, tags: []},
      {name: 'Al', n: 12, ok: true, tags: ['']},
      {name: 'Al', n: 12, ok: true, tags: ['x']},
    ]);
  });

  it('reports a change only when a snapshot would show one', () => {
    const parser = new PartialJsonParser();
    expect(parser.push('  ')).toBeFalse();
    expect(parser.push('{')).toBeTrue();
    // A key being read, a colon, a number not yet ended: nothing to show.
    expect(parser.push('"na')).toBeFalse();
    expect(parser.push('me": ')).toBeFalse();
    expect(parser.push('4')).toBeFalse();
    expect(parser.push('2,')).toBeTrue();
    expect(parser.snapshot()).toEqual({name: 42});
    // Closing a string or an object that was already shown changes nothing.
    expect(parser.push('"s": "x')).toBeTrue();
    expect(parser.push('"')).toBeFalse();
    expect(parser.push('}')).toBeFalse();
    expect(parser.snapshot()).toEqual({name: 42, s: 'x'});
  });

  it('never changes a snapshot it gave, and shares every finished member with the next one', () => {
    const random = mulberry32(5);
    const text = '{"items":[{"id":1,"tags":["a","b"]},{"id":2,"tags":["c"]},{"id":3,"tags":[]}],"done":true}';
    const {snapshots} = parse(split(text, random, 4));
    const frozen = snapshots.map(snapshot => JSON.stringify(snapshot));
    expect(snapshots.map(snapshot => JSON.stringify(snapshot))).toEqual(frozen);
    // Each snapshot is a new value...
    for (let index = 1; index < snapshots.length; index++) {
      expect(snapshots[index]).not.toBe(snapshots[index - 1]);
    }
    // ...but a finished item is the same object in every later snapshot.
    type Items = {items?: object[]};
    const withFirst = snapshots.filter(snapshot => ((snapshot as Items).items?.length ?? 0) >= 2) as Required<Items>[];
    expect(withFirst.length).toBeGreaterThan(1);
    for (const snapshot of withFirst) expect(snapshot.items[0]).toBe(withFirst[0].items[0]);
  });

  it('never shows half of a character escaped as a surrogate pair', () => {
    const {snapshots, parser} = parse(Array.from('{"e":"a\\ud83d\\ude00b"}'));
    for (const snapshot of snapshots) {
      const value = (snapshot as {e?: string}).e ?? '';
      expect(/[\ud800-\udbff]$/.test(value))
        .withContext(JSON.stringify(value))
        .toBeFalse();
    }
    expect(parser.end()).toEqual({value: {e: 'a😀b'}});
  });

  it('keeps a "__proto__" key as an own property, never as the prototype', () => {
    const {parser, snapshots} = parse(Array.from('{"__proto__":{"polluted":true},"a":1}'));
    const ended = parser.end() as {value: Record<string, unknown>};
    expect(Object.getPrototypeOf(ended.value)).toBe(Object.prototype);
    expect(Object.keys(ended.value)).toEqual(['__proto__', 'a']);
    for (const snapshot of snapshots) expect(Object.getPrototypeOf(snapshot)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('allows a code fence around the JSON', () => {
    const {parser} = parse(['```json\n{"a"', ': 1}\n``', '`\n']);
    expect(parser.end()).toEqual({value: {a: 1}});
    expect(parse(['```\n[1]\n```']).parser.end()).toEqual({value: [1]});
  });

  it('gives the last of repeated keys, in the first key position, as JSON.parse does', () => {
    const {parser} = parse(['{"k":1,"other":2,"k":3}']);
    const ended = parser.end() as {value: object};
    expect(ended.value).toEqual({k: 3, other: 2});
    expect(Object.keys(ended.value)).toEqual(['k', 'other']);
  });
});
