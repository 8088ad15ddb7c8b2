/** The body was over the limit. */
export class RequestTooLarge {
  constructor(readonly limit: number) {}
}

/**
 * Reads a request's body as text, refusing as soon as it is over the limit: by its `content-length` before reading
 * anything, else while it arrives (a chunked body), so that a huge body is never held in memory.
 * @param request The request.
 * @param maxBytes The most bytes accepted.
 * @returns The body's text and its size in bytes, or `RequestTooLarge`.
 */
export async function readRequestBody(
  request: Request,
  maxBytes: number,
): Promise<{text: string; bytes: number} | RequestTooLarge> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return new RequestTooLarge(maxBytes);
  if (!request.body) return {text: '', bytes: 0};
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return new RequestTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return {text: new TextDecoder().decode(all), bytes};
}
