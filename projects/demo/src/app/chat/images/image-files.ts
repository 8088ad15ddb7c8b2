/** A clipboard or drag item, as far as picking its file goes (`DataTransferItem`). */
export interface TransferItemLike {
  /** `file` for a file, `string` for text. */
  readonly kind: string;
  getAsFile(): File | null;
}

/** Where files come from: a `DataTransfer` (a drop, a paste's `clipboardData`), or a file input's `FileList`. */
export type FileSource =
  {readonly files?: ArrayLike<File> | null; readonly items?: ArrayLike<TransferItemLike> | null} | ArrayLike<File>;

/** The files of a paste, a drop or a file input, split into the images and the rest. */
export interface PickedFiles {
  /** The files whose type is `image/*`, in order. */
  readonly images: readonly File[];
  /** The other files, left out. */
  readonly ignored: readonly File[];
}

/**
 * The image files of a paste, a drop or a file input: files of type `image/*` are kept, others are ignored and
 * reported, text is not a file. A `DataTransfer`'s `files` are read, or, when a browser leaves them empty on a
 * paste, its `items` of kind `file`.
 * @param source The `DataTransfer`, the `FileList`, or `null` (an event without one).
 * @returns The images and the ignored files.
 */
export function pickImageFiles(source: FileSource | null | undefined): PickedFiles {
  const files = filesOf(source);
  return {
    images: files.filter(isImageFile),
    ignored: files.filter(file => !isImageFile(file)),
  };
}

/**
 * Whether a drag carries files (a drag of text or of a link does not): only then does the composer take the drop.
 * @param types The `DataTransfer`'s `types`.
 * @returns `true` when one of them is `Files`.
 */
export function carriesFiles(types: ArrayLike<string> | null | undefined): boolean {
  return Array.from(types ?? []).includes('Files');
}

/**
 * The notice for files left out, naming them.
 * @param ignored The ignored files.
 * @returns e.g. `notes.txt is not an image and was left out.`; empty when none was.
 */
export function ignoredFilesNotice(ignored: readonly File[]): string {
  if (ignored.length === 0) return '';
  const names = ignored.map(file => file.name || 'A file');
  return ignored.length === 1
    ? `${names[0]} is not an image and was left out.`
    : `${names.join(', ')} are not images and were left out.`;
}

function filesOf(source: FileSource | null | undefined): File[] {
  if (!source) return [];
  if (isArrayLike(source)) return Array.from(source);
  const files = Array.from(source.files ?? []);
  if (files.length > 0) return files;
  return Array.from(source.items ?? [])
    .filter(item => item.kind === 'file')
    .map(item => item.getAsFile())
    .filter((file): file is File => file !== null);
}

function isArrayLike(source: FileSource): source is ArrayLike<File> {
  return typeof (source as ArrayLike<File>).length === 'number';
}

function isImageFile(file: File): boolean {
  return file.type.toLowerCase().startsWith('image/');
}
