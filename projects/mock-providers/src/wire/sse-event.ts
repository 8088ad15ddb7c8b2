/**
 * Formats one server-sent event: an optional `event:` line, one `data:` line and the blank line that ends it.
 *
 * @param data The payload; strings are sent as they are (`[DONE]`), anything else as compact JSON.
 * @param eventName The `event:` line's value; omitted when absent.
 * @returns The exact bytes of the event.
 */
export function sseEvent(data: unknown, eventName?: string): string {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  return `${eventName === undefined ? '' : `event: ${eventName}\n`}data: ${payload}\n\n`;
}

/**
 * Reads the `model` field of a JSON request body.
 *
 * @param body The parsed request body.
 * @returns The model, or `'unknown-model'` when the body has none.
 */
export function modelOfBody(body: unknown): string {
  const model = typeof body === 'object' && body !== null ? (body as {model?: unknown}).model : undefined;
  return typeof model === 'string' ? model : 'unknown-model';
}
