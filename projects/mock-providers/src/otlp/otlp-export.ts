import {promisify} from 'node:util';
import {gunzip} from 'node:zlib';
import type {OtlpEncoding, ReceivedMetric, ReceivedSpan} from '../client/otlp-client';
import {metricsOf} from './otlp-metrics';
import {decodeMetricsRequest, decodeTraceRequest} from './otlp-protobuf';
import type {OtlpMetricsRequest, OtlpTraceRequest} from './otlp-request-types';
import {spansOf} from './otlp-spans';

const gunzipAsync = promisify(gunzip);

/** Which OTLP service a request is for: `POST /v1/traces` or `POST /v1/metrics`. */
export type OtlpSignal = 'traces' | 'metrics';

/** A request the receiver refuses, with the HTTP status to answer (400 bad body, 415 unsupported encoding). */
export class OtlpExportError extends Error {
  constructor(
    readonly status: 400 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'OtlpExportError';
  }
}

/** What one export request carried. */
export type DecodedExport =
  | {signal: 'traces'; encoding: OtlpEncoding; spans: ReceivedSpan[]}
  | {signal: 'metrics'; encoding: OtlpEncoding; metrics: ReceivedMetric[]};

/**
 * Decodes an OTLP/HTTP export body, JSON or protobuf, gzip-compressed or not.
 *
 * @param signal The service the path names.
 * @param body The raw body.
 * @param contentType The `Content-Type` header: `application/json` or `application/x-protobuf`.
 * @param contentEncoding The `Content-Encoding` header: absent, `identity` or `gzip`.
 * @returns The normalised spans or metrics, and the encoding to answer in.
 * @throws OtlpExportError for another content type or encoding (415) or a body that does not decode (400).
 */
export async function decodeOtlpExport(
  signal: OtlpSignal,
  body: Buffer,
  contentType: string | undefined,
  contentEncoding: string | undefined,
): Promise<DecodedExport> {
  const encoding = encodingOf(contentType);
  const bytes = await uncompressed(body, contentEncoding);
  try {
    if (signal === 'traces') {
      const request = encoding === 'json' ? (parseJson(bytes) as OtlpTraceRequest) : decodeTraceRequest(bytes);
      return {signal, encoding, spans: spansOf(request, encoding)};
    }
    const request = encoding === 'json' ? (parseJson(bytes) as OtlpMetricsRequest) : decodeMetricsRequest(bytes);
    return {signal, encoding, metrics: metricsOf(request, encoding)};
  } catch (error) {
    if (error instanceof OtlpExportError) throw error;
    throw new OtlpExportError(400, `mock-providers: the OTLP ${signal} ${encoding} body does not decode: ${error}`);
  }
}

/**
 * The encoding a `Content-Type` names.
 *
 * @param contentType The header, parameters (`; charset=utf-8`) allowed.
 * @returns `json` or `protobuf`.
 * @throws OtlpExportError (415) for any other type.
 */
export function encodingOf(contentType: string | undefined): OtlpEncoding {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  throw new OtlpExportError(
    415,
    `mock-providers: OTLP/HTTP takes application/json or application/x-protobuf, not "${contentType ?? ''}"`,
  );
}

async function uncompressed(body: Buffer, contentEncoding: string | undefined): Promise<Buffer> {
  const name = (contentEncoding ?? 'identity').trim().toLowerCase();
  if (name === 'identity' || name === '') return body;
  if (name !== 'gzip') {
    throw new OtlpExportError(415, `mock-providers: OTLP/HTTP takes gzip or no Content-Encoding, not "${name}"`);
  }
  try {
    return await gunzipAsync(body);
  } catch (error) {
    throw new OtlpExportError(400, `mock-providers: the gzip OTLP body does not inflate: ${error}`);
  }
}

function parseJson(bytes: Buffer): object {
  const value: unknown = JSON.parse(bytes.toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OtlpExportError(400, 'mock-providers: an OTLP JSON body is an object');
  }
  return value;
}
