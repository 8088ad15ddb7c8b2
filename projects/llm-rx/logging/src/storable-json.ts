/**
 * The JSON form of a value, as a fresh tree of plain objects, arrays, strings, finite numbers, booleans and `null`
 * that IndexedDB (and the unload stash's `JSON.stringify`) always stores: what `JSON.stringify` would write, read
 * back. A validated object may be a schema's output with transforms applied (a `Date`, a class instance, a
 * function), which IndexedDB could refuse with a `DataCloneError`; this never throws for one.
 *
 * As in JSON: `toJSON()` is used (a `Date` becomes its ISO string), functions, symbols and `undefined` are left
 * out of objects and become `null` in arrays, and `NaN` and infinities become `null`. Unlike `JSON.stringify`, a
 * bigint becomes its decimal string and a value met again inside itself (a cycle) becomes `null`, instead of
 * throwing. Every string, keys included, goes through `clean` (for the redaction hook); of two keys it maps to
 * the same text, the later wins.
 * @param value Any value.
 * @param clean Applied to each string and key; default none.
 * @returns The JSON form, `undefined` when the value has none (a function, say) or reading it threw (a `toJSON()`
 *   or a getter that throws).
 */
export function storableJson(value: unknown, clean: (text: string) => string = text => text): unknown {
  try {
    return jsonForm(value, '', clean, new Set());
  } catch {
    return undefined;
  }
}

function jsonForm(value: unknown, key: string, clean: (text: string) => string, ancestors: Set<object>): unknown {
  const current = hasToJson(value) ? value.toJSON(key) : value;
  switch (typeof current) {
    case 'string':
      return clean(current);
    case 'number':
      return Number.isFinite(current) ? current : null;
    case 'boolean':
      return current;
    case 'bigint':
      return current.toString();
    case 'object':
      break;
    default:
      // undefined, a function or a symbol: no JSON form.
      return undefined;
  }
  if (current === null) return null;
  if (ancestors.has(current)) return null;
  ancestors.add(current);
  try {
    if (Array.isArray(current)) {
      return current.map((item: unknown, index) => jsonForm(item, String(index), clean, ancestors) ?? null);
    }
    const entries: [string, unknown][] = [];
    for (const name of Object.keys(current)) {
      const member = jsonForm((current as Record<string, unknown>)[name], name, clean, ancestors);
      if (member !== undefined) entries.push([clean(name), member]);
    }
    // fromEntries defines each key as an own property, `__proto__` included.
    return Object.fromEntries(entries);
  } finally {
    ancestors.delete(current);
  }
}

function hasToJson(value: unknown): value is {toJSON(key: string): unknown} {
  return typeof value === 'object' && value !== null && typeof (value as {toJSON?: unknown}).toJSON === 'function';
}
