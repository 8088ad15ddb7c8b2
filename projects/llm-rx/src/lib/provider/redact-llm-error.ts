import {LlmError} from '../errors/llm-error';
import {LlmProviderError} from '../errors/llm-provider-error';
import {redactResponseBody, redactSecrets} from './redact-secrets';

/** How deep a cause chain is copied; deeper parts are replaced by a note. */
const MAX_DEPTH = 8;

/**
 * Makes an llm-rx error safe to show, log and inspect: the given keys and key-shaped values are cut out of its
 * message, stack and response body, and its `cause` chain is replaced by a redacted copy (errors keep their class
 * and every own property, strings redacted; other objects become plain copies), so that `error.cause.message`,
 * `util.inspect(error)` or a log of the error never shows a key an SDK or an upstream echoed.
 *
 * `fromProviderStream()` applies it to every error of a provider call, with the model's key: adapters need not.
 * @param error The error; changed in place.
 * @param apiKeys The keys in use.
 * @returns The same error.
 */
export function redactLlmError<T extends LlmError>(error: T, apiKeys?: readonly (string | undefined)[]): T {
  const redact = (text: string) => redactSecrets(text, apiKeys);
  setOwn(error, 'message', redact(error.message));
  if (typeof error.stack === 'string') setOwn(error, 'stack', redact(error.stack));
  if (LlmProviderError.isInstance(error) && error.responseBody !== undefined) {
    setOwn(error, 'responseBody', redactResponseBody(error.responseBody, apiKeys));
  }
  // A cause with nothing to cut stays the very object the SDK threw.
  if (error.cause !== undefined && holdsSecret(error.cause, redact, new Set(), 0)) {
    setOwn(error, 'cause', redactedCopy(error.cause, redact, new Map(), 0));
  }
  return error;
}

/** Whether any string reachable from a value (as `redactedCopy` walks it) would be redacted. */
function holdsSecret(value: unknown, redact: (text: string) => string, seen: Set<object>, depth: number): boolean {
  if (typeof value === 'string') return redact(value) !== value;
  if (typeof value !== 'object' || value === null || seen.has(value) || LlmError.isInstance(value)) return false;
  if (depth >= MAX_DEPTH) return true;
  seen.add(value);
  if (typeof Headers !== 'undefined' && value instanceof Headers) {
    let found = false;
    value.forEach(headerValue => (found ||= redact(headerValue) !== headerValue));
    return found;
  }
  return Reflect.ownKeys(value).some(key => {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    return descriptor !== undefined && 'value' in descriptor && holdsSecret(descriptor.value, redact, seen, depth + 1);
  });
}

/** Replaces an own property's value, keeping whether it is enumerable. */
function setOwn(target: object, key: string, value: unknown): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, {
    value,
    writable: true,
    configurable: true,
    enumerable: descriptor?.enumerable ?? false,
  });
}

function redactedCopy(
  value: unknown,
  redact: (text: string) => string,
  copies: Map<object, unknown>,
  depth: number,
): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null) return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (depth >= MAX_DEPTH) return '[llm-rx: nested too deep to keep]';
  // An llm-rx error in the chain was redacted where it was made.
  if (LlmError.isInstance(value)) return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    value.forEach(item => copy.push(redactedCopy(item, redact, copies, depth + 1)));
    return copy;
  }
  if (typeof Headers !== 'undefined' && value instanceof Headers) {
    const copy = new Headers();
    copies.set(value, copy);
    value.forEach((headerValue, name) => copy.append(name, redact(headerValue)));
    return copy;
  }
  // An error keeps its class, so that a caller can still tell an SDK's error classes apart; any other object
  // becomes a plain copy (its class's getters and inspectors would read slots a copy does not have).
  const isError = value instanceof Error;
  const copy: Record<PropertyKey, unknown> = isError ? Object.create(Object.getPrototypeOf(value)) : {};
  copies.set(value, copy);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor === undefined || !('value' in descriptor)) continue;
    if (!isError && !descriptor.enumerable) continue;
    Object.defineProperty(copy, key, {
      value: redactedCopy(descriptor.value, redact, copies, depth + 1),
      writable: true,
      configurable: true,
      enumerable: descriptor.enumerable,
    });
  }
  return copy;
}
