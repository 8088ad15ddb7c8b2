/**
 * A version-4-shaped UUID made from a mock response id, for the providers whose response ids are UUIDs (DeepSeek's
 * chunk `id`, Cohere's `message-start` `id`): the id's last 15 characters, hex-encoded, fill the 30 free hex digits,
 * so that two mock responses get two UUIDs and one response the same UUID on every event.
 *
 * @param responseId The plan's `responseId`.
 * @returns `xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx`.
 */
export function responseUuid(responseId: string): string {
  const hex = Array.from(responseId.slice(-15), char => (char.charCodeAt(0) & 0xff).toString(16).padStart(2, '0'))
    .join('')
    .padStart(30, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(12, 15)}-8${hex.slice(15, 18)}-${hex.slice(18, 30)}`;
}
