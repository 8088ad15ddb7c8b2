/*
 * The containers `PartialJsonParser` has open, and how a snapshot is made of one: a shallow copy of its finished
 * members with the snapshot of its open child after them.
 */

/**
 * An open array or object of `PartialJsonParser`, with the one child that may still grow (a string or a
 * container).
 */
export interface JsonFrame {
  readonly isArray: boolean;
  /** Its complete members; never handed out while the frame is open (snapshots are copies). */
  readonly members: unknown[] | Record<string, unknown>;
  /** The key whose value is being read (objects). */
  key: string;
  /** Whether `members` changed since the last snapshot. */
  hasChanged: boolean;
  snapshot: unknown;
  /** The open child's snapshot that `snapshot` was built with. */
  childSnapshot: unknown;
}

/** The open child of a frame that has none. */
export const NO_CHILD = Symbol('no child');

/** A frame's members with its open child after them, as a new value. */
export function copyWith(frame: JsonFrame, child: unknown): unknown {
  if (frame.isArray) {
    const copy = (frame.members as unknown[]).slice();
    if (child !== NO_CHILD) copy.push(child);
    return copy;
  }
  const copy = {...(frame.members as Record<string, unknown>)};
  if (child !== NO_CHILD) setMember(copy, frame.key, child);
  return copy;
}

/** Sets a member as JSON.parse does: `__proto__` is an own property, never the prototype. */
export function setMember(members: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(members, key, {value, writable: true, enumerable: true, configurable: true});
  } else {
    members[key] = value;
  }
}
