import type {ReceivedAttributes, ReceivedAttributeValue, ReceivedScope} from '../client/otlp-client';
import type {OtlpAnyValue, OtlpKeyValue, OtlpLong, OtlpScope} from './otlp-request-types';

/**
 * Turns OTLP key-values into an attribute record; a repeated key keeps its last value.
 *
 * @param keyValues The `attributes` list, possibly absent.
 * @returns Values by key.
 */
export function attributesOf(keyValues: readonly OtlpKeyValue[] | undefined): ReceivedAttributes {
  const attributes: ReceivedAttributes = {};
  for (const {key, value} of keyValues ?? []) attributes[key ?? ''] = anyValueOf(value);
  return attributes;
}

/**
 * Turns an OTLP `AnyValue` into a plain value.
 *
 * @param value The value; absent or empty is `null` (the SDK sends `{}` for a `null` array element).
 * @returns A string, number, boolean, array, object or `null`; bytes stay base64.
 */
export function anyValueOf(value: OtlpAnyValue | undefined): ReceivedAttributeValue {
  if (value === undefined || value === null) return null;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return Number(value.doubleValue);
  if (value.arrayValue !== undefined) return (value.arrayValue.values ?? []).map(anyValueOf);
  if (value.kvlistValue !== undefined) return attributesOf(value.kvlistValue.values);
  if (value.bytesValue !== undefined) return value.bytesValue;
  return null;
}

/**
 * A 64-bit nanosecond time as a decimal string.
 *
 * @param value A JSON number, a decimal string, or absent (0).
 * @returns The decimal string, without a fraction.
 */
export function nanosOf(value: OtlpLong | undefined): string {
  if (value === undefined) return '0';
  return typeof value === 'number' ? BigInt(Math.trunc(value)).toString() : value;
}

/**
 * An optional number of the JSON mapping (a double may be `"NaN"` or `"Infinity"`, a long a decimal string).
 *
 * @param value The field.
 * @returns The number, or `undefined` when the field is absent.
 */
export function numberOf(value: number | string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/**
 * An instrumentation scope.
 *
 * @param scope The OTLP scope, possibly absent.
 * @returns Its name (`''` when absent) and its version when it has one.
 */
export function scopeOf(scope: OtlpScope | undefined): ReceivedScope {
  return scope?.version ? {name: scope.name ?? '', version: scope.version} : {name: scope?.name ?? ''};
}

/**
 * An OTLP enum value, which the JSON mapping writes as an integer and some encoders as its name.
 *
 * @param value The integer or name.
 * @param names The enum's names by number, e.g. `['SPAN_KIND_UNSPECIFIED', 'SPAN_KIND_INTERNAL', …]`.
 * @returns The number; 0 when absent or unknown.
 */
export function enumOf(value: number | string | undefined, names: readonly string[]): number {
  if (typeof value === 'number') return value;
  const index = value === undefined ? -1 : names.indexOf(value);
  return Math.max(index, 0);
}
