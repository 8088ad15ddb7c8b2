/** Where a value sits in an object: keys and indexes from the root. */
export type ObjectPath = readonly (string | number)[];

/**
 * Where a partial object grows: the path to its last member, descending into the last key of each object and the
 * last item of each array. A JSON text streams in order and the partial object keeps its keys in that order, so
 * this is the member being written (or, between two members, the last one written).
 * @param value The partial object.
 * @returns The path; `[]` for a value without members.
 */
export function growingPath(value: unknown): ObjectPath {
  const path: (string | number)[] = [];
  let current = value;
  for (;;) {
    if (Array.isArray(current)) {
      if (current.length === 0) return path;
      path.push(current.length - 1);
      current = current[current.length - 1];
    } else if (typeof current === 'object' && current !== null) {
      const keys = Object.keys(current);
      if (keys.length === 0) return path;
      const key = keys[keys.length - 1];
      path.push(key);
      current = (current as Record<string, unknown>)[key];
    } else {
      return path;
    }
  }
}

/**
 * Whether a path starts with another.
 * @param path The path.
 * @param prefix The start to look for; `[]` starts every path.
 * @returns Whether each of the prefix's steps is the path's at the same place.
 */
export function startsWithPath(path: ObjectPath, prefix: ObjectPath): boolean {
  return prefix.length <= path.length && prefix.every((step, index) => path[index] === step);
}

/**
 * The value at a path.
 * @param value The object.
 * @param path Keys and indexes from the root.
 * @returns The value there, or `undefined` when a step is missing.
 */
export function valueAtPath(value: unknown, path: ObjectPath): unknown {
  let current = value;
  for (const step of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}
