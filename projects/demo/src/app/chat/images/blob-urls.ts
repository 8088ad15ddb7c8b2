/** How object URLs are made and released: `URL.createObjectURL` and `URL.revokeObjectURL` in the page. */
export interface ObjectUrlApi {
  create(blob: Blob): string;
  revoke(url: string): void;
}

const PAGE_OBJECT_URLS: ObjectUrlApi = {
  create: blob => URL.createObjectURL(blob),
  revoke: url => URL.revokeObjectURL(url),
};

/**
 * The object URLs of a changing list of blobs, to show them as `<img>`: each blob gets one URL while it is in the
 * list, released as soon as it leaves it (an image removed, or sent and cleared) and all at once on `revokeAll()`
 * (the view is destroyed), so that no blob is kept alive by a forgotten URL.
 */
export class BlobUrls {
  private readonly _urls = new Map<Blob, string>();

  /** @param api How URLs are made and released; default the page's `URL`. */
  constructor(private readonly _api: ObjectUrlApi = PAGE_OBJECT_URLS) {}

  /**
   * The URLs of the blobs now in the list: a blob already shown keeps its URL, a new one gets one, and the URLs of
   * blobs no longer in the list are revoked.
   * @param blobs The blobs, in order (a blob twice shares one URL).
   * @returns Their URLs, in the same order.
   */
  sync(blobs: readonly Blob[]): string[] {
    const kept = new Set(blobs);
    for (const [blob, url] of this._urls) {
      if (kept.has(blob)) continue;
      this._api.revoke(url);
      this._urls.delete(blob);
    }
    return blobs.map(blob => {
      let url = this._urls.get(blob);
      if (url === undefined) {
        url = this._api.create(blob);
        this._urls.set(blob, url);
      }
      return url;
    });
  }

  /** Revokes every URL made so far; a later `sync()` makes new ones. */
  revokeAll(): void {
    this.sync([]);
  }
}
