/**
 * Has the browser download a text as a file.
 * @param text The file's content.
 * @param fileName The suggested file name.
 * @param type The MIME type.
 */
export function downloadFile(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started once click() returns; the object URL is no longer needed after that turn.
  setTimeout(() => URL.revokeObjectURL(url));
}

/**
 * A file name with the time of export, e.g. `llm-calls-2025-01-31T12-00-00.csv`.
 * @param extension `csv` or `json`.
 * @param now The time of export.
 * @returns The name.
 */
export function exportFileName(extension: string, now: Date = new Date()): string {
  return `llm-calls-${now.toISOString().slice(0, 19).replace(/:/g, '-')}.${extension}`;
}
