import {carriesFiles, ignoredFilesNotice, pickImageFiles, type TransferItemLike} from './image-files';

describe('pickImageFiles', () => {
  const png = new File([new Uint8Array([137, 80, 78, 71])], 'dot.png', {type: 'image/png'});
  const jpeg = new File([new Uint8Array([255, 216])], 'photo.JPG', {type: 'IMAGE/JPEG'});
  const text = new File(['hello'], 'notes.txt', {type: 'text/plain'});
  const untyped = new File(['?'], 'mystery', {type: ''});
  const item = (file: File | null, kind = 'file'): TransferItemLike => ({kind, getAsFile: () => file});

  it("keeps a drop's image files in order and reports the others as ignored", () => {
    const picked = pickImageFiles({files: [text, png, untyped, jpeg]});
    expect(picked.images).toEqual([png, jpeg]);
    expect(picked.ignored).toEqual([text, untyped]);
  });

  it("reads a file input's FileList", () => {
    expect(pickImageFiles([png, text]).images).toEqual([png]);
  });

  it("falls back to a paste's file items when its files are empty, skipping text items", () => {
    const picked = pickImageFiles({files: [], items: [item(null, 'string'), item(png), item(null), item(text)]});
    expect(picked.images).toEqual([png]);
    expect(picked.ignored).toEqual([text]);
  });

  it('finds nothing in a paste of text or an event without a DataTransfer', () => {
    expect(pickImageFiles({files: [], items: [item(null, 'string')]})).toEqual({images: [], ignored: []});
    expect(pickImageFiles(null)).toEqual({images: [], ignored: []});
  });
});

describe('carriesFiles', () => {
  it('is true for a drag of files only', () => {
    expect(carriesFiles(['text/plain', 'Files'])).toBe(true);
    expect(carriesFiles(['text/plain', 'text/uri-list'])).toBe(false);
    expect(carriesFiles(undefined)).toBe(false);
  });
});

describe('ignoredFilesNotice', () => {
  it('names the files left out', () => {
    const text = new File(['a'], 'notes.txt', {type: 'text/plain'});
    const pdf = new File(['b'], 'paper.pdf', {type: 'application/pdf'});
    expect(ignoredFilesNotice([])).toBe('');
    expect(ignoredFilesNotice([text])).toBe('notes.txt is not an image and was left out.');
    expect(ignoredFilesNotice([text, pdf])).toBe('notes.txt, paper.pdf are not images and were left out.');
  });
});
