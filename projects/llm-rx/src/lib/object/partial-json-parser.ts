import {JSON_ESCAPES} from './json-escapes';

/**
 * Where and why the text stopped being JSON.
 */
export interface PartialJsonFailure {
  /** What was wrong, e.g. `unexpected "S" where a value should start`. */
  readonly message: string;
  /** The offset of the offending character in the whole text (for an early end: its length). */
  readonly position: number;
}

const enum State {
  /** Before the root value: whitespace, or an opening code fence. */
  Start,
  /** In the first line of an opening code fence (```json). */
  FenceOpen,
  /** Where a value must start (after `:`, or `,` in an array). */
  Value,
  /** After `[`: a value or `]`. */
  ArrayFirst,
  /** After `{`: a key or `}`. */
  ObjectFirst,
  /** After `,` in an object: a key. */
  ObjectKey,
  /** After a key: `:`. */
  Colon,
  /** After a value: `,`, the closing bracket, or (at the root) the end. */
  AfterValue,
  String,
  Escape,
  Unicode,
  Number,
  Literal,
  /** After the root value: whitespace, or a closing code fence. */
  Done,
}

/**
 * An open array or object. Its `members` hold its finished members and, in the last slot (an array's last element,
 * an object's `key`), the snapshot of the child still being read, written in place at each snapshot: so a snapshot
 * is one copy of `members` at its final size and shape, the fastest copy there is. `members` itself is handed out
 * only once the frame is closed, when it is never changed again.
 */
interface Frame {
  readonly isArray: boolean;
  readonly members: unknown[] | Record<string, unknown>;
  /** The key whose value is being read (objects). */
  key: string;
  /** Whether an array's last element is the open child's snapshot rather than a finished member. */
  hasOpenSlot: boolean;
  /** Whether a member is named `__proto__`, which `Object.assign` would set as the copy's prototype. */
  hasProtoKey: boolean;
  /** Whether `members` changed since the last snapshot. */
  hasChanged: boolean;
  snapshot: unknown;
  /** The open child's snapshot that `snapshot` was built with. */
  childSnapshot: unknown;
}

/** The open child of a frame that has none. */
const NO_CHILD = Symbol('no child');

const LITERALS: Readonly<Record<string, {readonly text: string; readonly value: unknown}>> = {
  t: {text: 'true', value: true},
  f: {text: 'false', value: false},
  n: {text: 'null', value: null},
};
const NUMBER_PATTERN = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Parses JSON as it streams, in one pass: each character is read once, whatever way the text is split (inside a
 * string, an escape, a `\u` sequence, a number or a literal), so the cost of a chunk grows with the chunk, not with
 * the text before it.
 *
 * After each `push()`, `snapshot()` gives the value so far as a new immutable value that shares every finished
 * member with the previous snapshot: only the open containers on the path to the growing end are copied (a
 * shallow copy each). Strings grow as they stream; numbers, `true`, `false` and `null` appear once complete; an
 * object's key appears once its value starts. The finished value equals `JSON.parse()` of the whole text (a
 * `__proto__` key included, as an own property). A code fence around the JSON (```json … ```) is allowed.
 */
export class PartialJsonParser {
  #state = State.Start;
  /** The state to return to after a string (AfterValue, or Colon for a key). */
  #isKey = false;
  #frames: Frame[] = [];
  #root: unknown = NO_CHILD;
  #hasRoot = false;
  /** The string being read, and a high surrogate held back until its pair arrives. */
  #string = '';
  #isStringOpen = false;
  #highSurrogate = '';
  #unicode = '';
  #number = '';
  #literal = '';
  #literalAt = 0;
  #offset = 0;
  #failure: PartialJsonFailure | undefined;
  /** Bumped by every change a snapshot can show. */
  #version = 0;
  #snapshotVersion = -1;
  #snapshot: unknown = undefined;

  /** The first syntax error, if the text stopped being JSON; the parser reads nothing after it. */
  get failure(): PartialJsonFailure | undefined {
    return this.#failure;
  }

  /**
   * Reads the next piece of text.
   * @param text The piece, as streamed.
   * @returns Whether the value a snapshot shows changed.
   */
  push(text: string): boolean {
    if (this.#failure !== undefined) return false;
    const before = this.#version;
    const length = text.length;
    let index = 0;
    while (index < length && this.#failure === undefined) {
      // Most of a JSON text is inside strings: read them without the dispatch.
      index = this.#state === State.String ? this.#readString(text, index, length) : this.#step(text, index, length);
    }
    this.#offset += length;
    return this.#version !== before;
  }

  /**
   * The value so far, immutable, sharing its finished members with earlier snapshots; `undefined` before a value
   * started. Made again only when something changed.
   * @returns The partial value.
   */
  snapshot(): unknown {
    if (this.#snapshotVersion === this.#version) return this.#snapshot;
    this.#snapshotVersion = this.#version;
    let child: unknown = this.#isStringOpen && !this.#isKey ? this.#string : NO_CHILD;
    for (let depth = this.#frames.length - 1; depth >= 0; depth--) {
      const frame = this.#frames[depth];
      if (frame.hasChanged || child !== frame.childSnapshot) {
        if (child !== NO_CHILD) putOpenChild(frame, child);
        frame.snapshot = copyOf(frame);
        frame.childSnapshot = child;
        frame.hasChanged = false;
      }
      child = frame.snapshot;
    }
    this.#snapshot = this.#hasRoot ? this.#root : child === NO_CHILD ? undefined : child;
    return this.#snapshot;
  }

  /**
   * Ends the text: the finished value, or why there is none.
   * @returns `{value}` when the whole text was one JSON value, else `{failure}`.
   */
  end(): {readonly value: unknown} | {readonly failure: PartialJsonFailure} {
    if (this.#failure === undefined && this.#state === State.Number && this.#frames.length === 0) {
      this.#endNumber(this.#offset);
    }
    if (this.#failure !== undefined) return {failure: this.#failure};
    if (!this.#hasRoot) {
      return {
        failure: {
          message:
            this.#state === State.Start
              ? 'the answer is empty, not a JSON value'
              : 'the text ended before the JSON value did',
          position: this.#offset,
        },
      };
    }
    return {value: this.#root};
  }

  /** Reads from `index` in the current state; returns where to go on. */
  #step(text: string, index: number, length: number): number {
    switch (this.#state) {
      case State.String:
        return this.#readString(text, index, length);
      case State.Escape:
        return this.#readEscape(text, index);
      case State.Unicode:
        return this.#readUnicode(text, index);
      case State.Number:
        return this.#readNumber(text, index, length);
      case State.Literal:
        return this.#readLiteral(text, index);
      case State.FenceOpen: {
        const newline = text.indexOf('\n', index);
        if (newline < 0) return length;
        this.#state = State.Value;
        return newline + 1;
      }
    }
    let code = text.charCodeAt(index);
    if (code === 32 || code === 10 || code === 13 || code === 9) {
      // A run of whitespace (indentation, pretty-printed JSON) at once.
      do code = text.charCodeAt(++index);
      while (code === 32 || code === 10 || code === 13 || code === 9);
      if (index === length) return index;
    }
    const char = text[index];
    switch (this.#state) {
      case State.Start:
        if (char === '`') {
          this.#state = State.FenceOpen;
          return index + 1;
        }
        return this.#startValue(char, index);
      case State.Value:
        return this.#startValue(char, index);
      case State.ArrayFirst:
        if (char === ']') return this.#close(index);
        return this.#startValue(char, index);
      case State.ObjectFirst:
        if (char === '}') return this.#close(index);
        return this.#startKey(char, index);
      case State.ObjectKey:
        return this.#startKey(char, index);
      case State.Colon:
        if (char !== ':') return this.#fail(char, index, 'a ":" after the key');
        this.#state = State.Value;
        return index + 1;
      case State.AfterValue:
        return this.#afterValue(char, index);
      case State.Done:
        // A closing code fence; anything else after the value is not JSON.
        if (char === '`') return index + 1;
        return this.#fail(char, index, 'the end of the text (the JSON value is complete)');
    }
    return index + 1;
  }

  #startValue(char: string, index: number): number {
    if (char === '"') {
      this.#isKey = false;
      this.#openString();
      return index + 1;
    }
    if (char === '{' || char === '[') {
      const isArray = char === '[';
      this.#frames.push({
        isArray,
        members: isArray ? [] : {},
        hasOpenSlot: false,
        hasProtoKey: false,
        key: '',
        hasChanged: true,
        snapshot: undefined,
        childSnapshot: NO_CHILD,
      });
      this.#version++;
      this.#state = isArray ? State.ArrayFirst : State.ObjectFirst;
      return index + 1;
    }
    if (char === '-' || (char >= '0' && char <= '9')) {
      this.#number = '';
      this.#state = State.Number;
      return index;
    }
    const literal = LITERALS[char];
    if (literal !== undefined) {
      this.#literal = literal.text;
      this.#literalAt = 0;
      this.#state = State.Literal;
      return index;
    }
    return this.#fail(char, index, 'a value');
  }

  #startKey(char: string, index: number): number {
    if (char !== '"') return this.#fail(char, index, 'a key in double quotes');
    this.#isKey = true;
    this.#openString();
    return index + 1;
  }

  #openString(): void {
    this.#string = '';
    this.#highSurrogate = '';
    this.#isStringOpen = true;
    this.#state = State.String;
    if (!this.#isKey) this.#version++;
  }

  #readString(text: string, index: number, length: number): number {
    let end = index;
    let code = 0;
    while (end < length) {
      code = text.charCodeAt(end);
      if (code === 34 || code === 92 || code < 32) break;
      end++;
    }
    if (end > index) this.#append(text.slice(index, end));
    if (end === length) return end;
    if (code === 34) {
      this.#closeString();
      return end + 1;
    }
    if (code === 92) {
      this.#state = State.Escape;
      return end + 1;
    }
    return this.#fail(text[end], end, 'an escaped control character (\\n, \\t, \\u00XX) in the string');
  }

  #append(piece: string): void {
    if (this.#highSurrogate !== '') {
      piece = this.#highSurrogate + piece;
      this.#highSurrogate = '';
    }
    this.#string += piece;
    if (!this.#isKey) this.#version++;
  }

  #readEscape(text: string, index: number): number {
    const char = text[index];
    if (char === 'u') {
      this.#unicode = '';
      this.#state = State.Unicode;
      return index + 1;
    }
    const escaped = JSON_ESCAPES[char];
    if (escaped === undefined)
      return this.#fail(char, index, 'an escape (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t, \\u)');
    this.#append(escaped);
    this.#state = State.String;
    return index + 1;
  }

  #readUnicode(text: string, index: number): number {
    const char = text[index];
    if (!/[0-9a-fA-F]/.test(char)) return this.#fail(char, index, 'a hexadecimal digit of a \\u escape');
    this.#unicode += char;
    if (this.#unicode.length < 4) return index + 1;
    const code = parseInt(this.#unicode, 16);
    this.#state = State.String;
    const unit = String.fromCharCode(code);
    if (code >= 0xd800 && code <= 0xdbff) {
      // Held back so that no snapshot shows half a character; a lone one is kept, as JSON.parse keeps it.
      if (this.#highSurrogate !== '') this.#append('');
      this.#highSurrogate = unit;
    } else {
      this.#append(unit);
    }
    return index + 1;
  }

  #closeString(): void {
    const value = this.#string + this.#highSurrogate;
    this.#highSurrogate = '';
    this.#isStringOpen = false;
    this.#string = '';
    if (this.#isKey) {
      this.#frames[this.#frames.length - 1].key = value;
      this.#state = State.Colon;
      return;
    }
    this.#setValue(value, true);
  }

  #readNumber(text: string, index: number, length: number): number {
    let end = index;
    while (end < length) {
      const code = text.charCodeAt(end);
      // 0-9, '+', '-', '.', 'e', 'E': what a number may hold; the pattern checks the order at its end.
      if (!((code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46 || code === 101 || code === 69)) {
        break;
      }
      end++;
    }
    this.#number = this.#number === '' ? text.slice(index, end) : this.#number + text.slice(index, end);
    if (end === length) return end;
    return this.#endNumber(this.#offset + end) ? end : end + 1;
  }

  /** Ends the number read so far at `position`; returns whether it was a valid number. */
  #endNumber(position: number): boolean {
    if (!NUMBER_PATTERN.test(this.#number)) {
      this.#failure = {message: `"${this.#number}" is not a JSON number`, position: position - this.#number.length};
      return false;
    }
    this.#setValue(Number(this.#number));
    return true;
  }

  #readLiteral(text: string, index: number): number {
    const char = text[index];
    if (char !== this.#literal[this.#literalAt]) return this.#fail(char, index, `"${this.#literal}"`);
    this.#literalAt++;
    if (this.#literalAt === this.#literal.length) this.#setValue(LITERALS[this.#literal[0]].value);
    return index + 1;
  }

  /**
   * A value is complete: put it in its container (or make it the root). A string or a container was shown from
   * its start, so completing it changes nothing a snapshot shows; a number or a literal appears now.
   */
  #setValue(value: unknown, wasShown = false): void {
    if (!wasShown) this.#version++;
    const frame = this.#frames[this.#frames.length - 1];
    if (frame === undefined) {
      this.#root = value;
      this.#hasRoot = true;
      this.#state = State.Done;
      return;
    }
    if (frame.isArray) {
      const members = frame.members as unknown[];
      // The open child's slot, when a snapshot made one, becomes the finished member.
      if (frame.hasOpenSlot) members[members.length - 1] = value;
      else members.push(value);
      frame.hasOpenSlot = false;
    } else {
      setMember(frame, value);
    }
    frame.hasChanged = true;
    this.#state = State.AfterValue;
  }

  #afterValue(char: string, index: number): number {
    const frame = this.#frames[this.#frames.length - 1];
    if (char === ',') {
      this.#state = frame.isArray ? State.Value : State.ObjectKey;
      return index + 1;
    }
    if (char === (frame.isArray ? ']' : '}')) return this.#close(index);
    return this.#fail(char, index, `"," or "${frame.isArray ? ']' : '}'}"`);
  }

  /** Closes the open container (the caller checked the bracket matches it). */
  #close(index: number): number {
    const frame = this.#frames.pop() as Frame;
    // Never changed again from here on, so snapshots share it as it is.
    this.#setValue(frame.members, true);
    return index + 1;
  }

  #fail(char: string, index: number, expected: string): number {
    const shown = char === undefined ? 'the end' : JSON.stringify(char);
    this.#failure = {message: `unexpected ${shown} where ${expected} should be`, position: this.#offset + index};
    return index + 1;
  }
}

/** Writes the open child's snapshot in its slot of the frame's members (see `Frame`). */
function putOpenChild(frame: Frame, child: unknown): void {
  if (!frame.isArray) {
    setMember(frame, child);
    return;
  }
  const members = frame.members as unknown[];
  if (frame.hasOpenSlot) members[members.length - 1] = child;
  else members.push(child);
  frame.hasOpenSlot = true;
}

/**
 * A frame's members as a new value: `slice()` for an array, `Object.assign` for an object (several times faster
 * than a spread), or the spread when a member is named `__proto__`, which `Object.assign` would set as the
 * copy's prototype.
 */
function copyOf(frame: Frame): unknown {
  if (frame.isArray) return (frame.members as unknown[]).slice();
  const members = frame.members as Record<string, unknown>;
  return frame.hasProtoKey ? {...members} : Object.assign({}, members);
}

/** Sets the member of the frame's `key` as JSON.parse does: `__proto__` is an own property, never the prototype. */
function setMember(frame: Frame, value: unknown): void {
  const members = frame.members as Record<string, unknown>;
  if (frame.key === '__proto__') {
    Object.defineProperty(members, '__proto__', {value, writable: true, enumerable: true, configurable: true});
    frame.hasProtoKey = true;
  } else {
    members[frame.key] = value;
  }
}
