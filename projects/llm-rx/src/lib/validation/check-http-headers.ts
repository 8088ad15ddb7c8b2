/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Characters no header value may hold: they would split the request or be refused by `fetch`. */
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;

/**
 * What is wrong with a set of HTTP headers, if anything: it must be a plain object of header names to string
 * values without line breaks. The answer never quotes a value (it may be a key).
 * @param headers The headers to check.
 * @param field How the headers are named in the message, e.g. `headers`.
 * @returns The problem, phrased to follow the field's name, or `undefined` when they are fine.
 */
export function headersProblem(headers: unknown, field: string): string | undefined {
  if (!isPlainObject(headers)) {
    return `${field} must be an object of header names to string values, e.g. {'x-request-source': 'chat'}`;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) {
      return `${field} has an invalid header name ${JSON.stringify(name.slice(0, 40))}: use letters, digits and - only`;
    }
    if (typeof value !== 'string') {
      return `${field}[${JSON.stringify(name)}] must be a string (got ${value === null ? 'null' : typeof value})`;
    }
    if (FORBIDDEN_IN_VALUE.test(value)) {
      return `${field}[${JSON.stringify(name)}] must not contain a line break or NUL character (trim the value)`;
    }
  }
  return undefined;
}

/**
 * Whether a value is a plain object (a `{…}` literal or `Object.create(null)`), not an array, class instance or
 * primitive.
 * @param value The value.
 * @returns Whether it is a plain object.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
