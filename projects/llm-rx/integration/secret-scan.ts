/*
 * Spec support for the secrets suites (secrets.node.spec.ts, secrets.browser.spec.ts): finds an API key, or any
 * 8-character slice of it, in texts and in object graphs, and says where without showing it. It defines no specs,
 * uses no jasmine and no Node module, so it runs in Node and in Chromium. Not an entry point: import it by
 * relative path.
 */

/** How long a piece of a key must be to count as a leak: shorter pieces can occur by chance. */
export const SLICE_LENGTH = 8;

/** The most objects one walk visits; a walk that would visit more is reported, not silently cut. */
const MAX_WALKED_OBJECTS = 50_000;

/** The characters of context shown on each side of a masked key in an excerpt. */
const CONTEXT_LENGTH = 28;

/** The most findings a report lists one by one. */
const MAX_REPORTED_FINDINGS = 60;

/** A key to look for. */
export interface SecretKey {
  /** How findings name it, e.g. `openai-responses key`. */
  readonly label: string;
  readonly value: string;
  /**
   * The length of the provider's documented prefix (`sk-proj-`, `AIza`, …): a slice made of prefix characters
   * only is public knowledge, not a piece of the secret, so it alone is no finding. Default 0.
   */
  readonly publicPrefixLength?: number;
}

/** One place where a key, or a slice of it, was found. */
export interface SecretFinding {
  /** Where, e.g. `error.cause.error.message` or `table bodies row 3.response.text`. */
  readonly where: string;
  /** The text around it, every character of the key masked, e.g. `"…(key used: [cohere key 0-39 of 40])…"`. */
  readonly excerpt: string;
  /** How many separate occurrences the text holds. */
  readonly occurrences: number;
}

/** One console call captured by `ConsoleCapture`. */
export interface ConsoleCall {
  readonly method: ConsoleMethod;
  readonly args: readonly unknown[];
}

/** The console methods a library might print a key with. */
export type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug';

const CONSOLE_METHODS: readonly ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug'];

interface Needle {
  readonly text: string;
  readonly key: SecretKey;
  readonly offset: number;
}

/**
 * Collects findings of a set of keys across every text and object given to it.
 *
 * ```ts
 * const scan = new SecretScan([{label: 'openai key', value: apiKey, publicPrefixLength: 8}]);
 * scan.error('error', outcome.error);
 * expect(scan.report()).toBe('');
 * ```
 */
export class SecretScan {
  /** Every finding so far. */
  readonly findings: SecretFinding[] = [];
  /** Walks that could not visit everything (too many objects): the scan is then not conclusive. */
  readonly incomplete: string[] = [];
  readonly #needles: readonly Needle[];

  /** @param keys The keys; each must be at least `SLICE_LENGTH` characters long. */
  constructor(readonly keys: readonly SecretKey[]) {
    this.#needles = keys.flatMap(key => needlesOf(key));
  }

  /**
   * Looks for the keys in one text.
   * @param where Where the text comes from.
   * @param text The text.
   */
  text(where: string, text: string): void {
    if (!this.#needles.some(needle => text.includes(needle.text))) return;
    const runs = this.#runsIn(text);
    this.findings.push({where, excerpt: excerptOf(text, runs), occurrences: runs.length});
  }

  /**
   * Looks for the keys in every string reachable from a value: own properties, enumerable or not, symbols
   * included, getters read, array items, `Map`, `Set`, `Headers`, `URL` and byte contents; an error's `message`,
   * `stack` and `cause` are read even when inherited. Each object is visited once, by its shortest path.
   * @param where The value's name, the start of every path, e.g. `error`.
   * @param root The value.
   */
  value(where: string, root: unknown): void {
    const seen = new Set<object>();
    const queue: [string, unknown][] = [[where, root]];
    for (let index = 0; index < queue.length; index++) {
      const [path, value] = queue[index];
      if (typeof value === 'string') {
        this.text(path, value);
        continue;
      }
      // Functions are not walked: what a closure holds is not reachable as data.
      if (typeof value !== 'object' || value === null || seen.has(value) || value === globalThis) continue;
      seen.add(value);
      if (seen.size > MAX_WALKED_OBJECTS) {
        this.incomplete.push(`${where}: more than ${MAX_WALKED_OBJECTS} objects, stopped at ${path}`);
        return;
      }
      queue.push(...childrenOf(path, value));
    }
  }

  /**
   * Scans an error the ways a caller may show it: its object graph (message, stack, the whole `cause` chain,
   * cascade attempts, response bodies, …), `String(error)` and `JSON.stringify(error)` where it does not throw.
   * @param where The error's name, e.g. `error`.
   * @param error The error.
   */
  error(where: string, error: unknown): void {
    this.value(where, error);
    const text = attempt(() => String(error));
    if (text !== undefined) this.text(`String(${where})`, text);
    const json = attempt(() => JSON.stringify(error));
    if (json !== undefined) this.text(`JSON.stringify(${where})`, json);
  }

  /**
   * Scans what was printed to the console: each argument as a value (an error's message and stack included) and,
   * when given, the whole line as the runtime prints it.
   * @param calls The captured calls.
   * @param format Formats a call's arguments as the runtime prints them (Node: `util.format`).
   */
  console(calls: readonly ConsoleCall[], format?: (args: readonly unknown[]) => string): void {
    calls.forEach(({method, args}, callIndex) => {
      const call = `console.${method} call ${callIndex + 1}`;
      args.forEach((arg, argIndex) => {
        if (arg instanceof Error) this.error(`${call} arg ${argIndex + 1}`, arg);
        else this.value(`${call} arg ${argIndex + 1}`, arg);
      });
      const line = format && attempt(() => format(args));
      if (line !== undefined) this.text(`${call} as printed`, line);
    });
  }

  /**
   * The findings as a failure message, the keys masked.
   * @param title What was scanned, e.g. the case's name.
   * @returns The message; `''` when nothing was found and every walk was complete.
   */
  report(title = 'the scan'): string {
    if (this.findings.length === 0 && this.incomplete.length === 0) return '';
    const lines = this.findings
      .slice(0, MAX_REPORTED_FINDINGS)
      .map(({where, excerpt, occurrences}) => `  - ${where}${occurrences > 1 ? ` (${occurrences}×)` : ''}: ${excerpt}`);
    if (this.findings.length > MAX_REPORTED_FINDINGS) {
      lines.push(`  … and ${this.findings.length - MAX_REPORTED_FINDINGS} more`);
    }
    const incomplete = this.incomplete.map(reason => `  - incomplete scan: ${reason}`);
    return [
      `${title}: a key (or an ${SLICE_LENGTH}-character slice of it) was found in ${this.findings.length} place(s):`,
      ...lines,
      ...incomplete,
      `  in groups: ${summarize(this.findings).join('; ')}`,
    ].join('\n');
  }

  /** The stretches of `text` covered by pieces of a key, widened to every adjacent character of the same key. */
  #runsIn(text: string): KeyRun[] {
    const covered: (Needle | undefined)[] = new Array(text.length);
    for (const needle of this.#needles) {
      for (let at = text.indexOf(needle.text); at !== -1; at = text.indexOf(needle.text, at + 1)) {
        for (let index = 0; index < SLICE_LENGTH; index++) {
          covered[at + index] ??= {...needle, offset: needle.offset + index};
        }
      }
    }
    const runs: KeyRun[] = [];
    for (let index = 0; index < text.length; index++) {
      const first = covered[index];
      if (first === undefined) continue;
      let end = index;
      while (end + 1 < text.length && covered[end + 1] !== undefined) end++;
      const last = covered[end]!;
      let start = index;
      let keyStart = first.offset;
      // The public prefix in front of a covered stretch is masked too, so the excerpt never shows key text.
      while (start > 0 && keyStart > 0 && text[start - 1] === first.key.value[keyStart - 1]) {
        start--;
        keyStart--;
      }
      runs.push({start, end: end + 1, key: first.key, keyStart, keyEnd: last.offset + 1});
      index = end;
    }
    return runs;
  }
}

/** A stretch of text that is (a piece of) a key. */
interface KeyRun {
  readonly start: number;
  readonly end: number;
  readonly key: SecretKey;
  readonly keyStart: number;
  readonly keyEnd: number;
}

/** Every `SLICE_LENGTH`-character slice of a key that holds at least one character after its public prefix. */
function needlesOf(key: SecretKey): Needle[] {
  if (key.value.length < SLICE_LENGTH) throw new Error(`${key.label} is shorter than ${SLICE_LENGTH} characters`);
  const firstSecret = key.publicPrefixLength ?? 0;
  const needles: Needle[] = [];
  for (let offset = 0; offset + SLICE_LENGTH <= key.value.length; offset++) {
    if (offset + SLICE_LENGTH > firstSecret) {
      needles.push({text: key.value.slice(offset, offset + SLICE_LENGTH), key, offset});
    }
  }
  return needles;
}

/** The first run with its context, every run in view masked, as a JSON string (line breaks visible). */
function excerptOf(text: string, runs: readonly KeyRun[]): string {
  const from = Math.max(0, runs[0].start - CONTEXT_LENGTH);
  const to = Math.min(text.length, runs[0].end + CONTEXT_LENGTH);
  let excerpt = '';
  let at = from;
  for (const run of runs) {
    if (run.start >= to) break;
    excerpt += JSON.stringify(text.slice(at, run.start)).slice(1, -1);
    excerpt += `[${run.key.label} chars ${run.keyStart}-${run.keyEnd - 1} of ${run.key.value.length}]`;
    at = run.end;
  }
  if (at < to) excerpt += JSON.stringify(text.slice(at, to)).slice(1, -1);
  return `"${from > 0 ? '…' : ''}${excerpt}${to < text.length ? '…' : ''}"`;
}

/** The values directly reachable from an object, each with its path. */
function childrenOf(path: string, value: object): [string, unknown][] {
  const children: [string, unknown][] = [];
  const read = new Set<PropertyKey>();
  const add = (key: PropertyKey, child: unknown) => {
    read.add(key);
    children.push([pathOf(path, key, Array.isArray(value)), child]);
  };
  if (value instanceof Error || isErrorLike(value)) {
    for (const key of ['message', 'stack', 'cause'] as const) {
      const child = attempt(() => (value as unknown as Record<string, unknown>)[key]);
      if (child !== undefined) add(key, child);
    }
  }
  if (typeof URL !== 'undefined' && value instanceof URL) children.push([`${path}.href`, value.href]);
  if (typeof Headers !== 'undefined' && value instanceof Headers) {
    value.forEach((header, name) => children.push([`${path}.get(${JSON.stringify(name)})`, header]));
  }
  if (typeof Request !== 'undefined' && (value instanceof Request || value instanceof Response)) {
    children.push([`${path}.url`, value.url], [`${path}.headers`, value.headers]);
  }
  if (value instanceof Map) {
    let index = 0;
    for (const [key, entry] of value) {
      children.push([`${path}.keys()[${index}]`, key], [`${path}.get(${describeKey(key)})`, entry]);
      index++;
    }
  }
  if (value instanceof Set) [...value].forEach((entry, index) => children.push([`${path}.values()[${index}]`, entry]));
  const bytes = bytesOf(value);
  if (bytes) children.push([`${path} (bytes as UTF-8)`, new TextDecoder().decode(bytes)]);
  else {
    for (const key of Reflect.ownKeys(value)) {
      if (read.has(key) || (Array.isArray(value) && key === 'length')) continue;
      add(
        key,
        attempt(() => Reflect.get(value, key)),
      );
    }
  }
  return children;
}

function isErrorLike(value: object): boolean {
  return typeof (value as {stack?: unknown}).stack === 'string' && 'message' in value;
}

/** The bytes of an ArrayBuffer or a typed array, at most 1 MB. */
function bytesOf(value: object): Uint8Array | undefined {
  if (value instanceof ArrayBuffer) return new Uint8Array(value, 0, Math.min(value.byteLength, 1 << 20));
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, Math.min(value.byteLength, 1 << 20));
  }
  return undefined;
}

function pathOf(path: string, key: PropertyKey, isArray: boolean): string {
  if (typeof key === 'symbol') return `${path}[${String(key)}]`;
  const name = String(key);
  if (isArray && /^\d+$/.test(name)) return `${path}[${name}]`;
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

function describeKey(key: unknown): string {
  return typeof key === 'string' ? JSON.stringify(key) : typeof key;
}

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * Groups findings by kind of place: indices, rows and call numbers dropped, e.g. `error.cause.message`,
 * `table calls row *.errorMessage`, `console.warn call * arg *`.
 * @param findings The findings.
 * @returns `place ×count`, most frequent first.
 */
export function summarize(findings: readonly SecretFinding[]): string[] {
  const counts = new Map<string, number>();
  for (const {where} of findings) {
    const group = groupOf(where);
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([group, count]) => `${group} ×${count}`);
}

/**
 * The kind of place a finding names: numbers of rows, calls, chunks and items replaced by `*`.
 * @param where A finding's place.
 * @returns Its group.
 */
export function groupOf(where: string): string {
  return where
    .replace(/\[\d+\]/g, '[*]')
    .replace(/\b(row|call|arg|line) \d+/g, '$1 *')
    .replace(/^chunk\[\*\] \(([\w-]+)\)/, '$1 part');
}

/** Records console calls instead of printing them, so that a leaked key never reaches the test output. */
export class ConsoleCapture {
  /** Every call since `start()`. */
  readonly calls: ConsoleCall[] = [];
  readonly #originals = new Map<ConsoleMethod, (...args: unknown[]) => void>();

  /** Replaces the console methods by recorders. */
  start(): void {
    for (const method of CONSOLE_METHODS) {
      this.#originals.set(method, console[method]);
      console[method] = (...args: unknown[]) => void this.calls.push({method, args});
    }
  }

  /** Puts the console methods back. */
  stop(): void {
    for (const [method, original] of this.#originals) console[method] = original;
    this.#originals.clear();
  }
}
