import {BlobUrls, type ObjectUrlApi} from './blob-urls';

describe('BlobUrls', () => {
  let live: Map<string, Blob>;
  let made: number;
  let urls: BlobUrls;
  const a = new Blob(['a'], {type: 'image/png'});
  const b = new Blob(['b'], {type: 'image/png'});
  const c = new Blob(['c'], {type: 'image/png'});

  beforeEach(() => {
    live = new Map();
    made = 0;
    const api: ObjectUrlApi = {
      create: blob => {
        const url = `blob:test/${++made}`;
        live.set(url, blob);
        return url;
      },
      revoke: url => {
        expect(live.has(url)).withContext(`${url} revoked twice or never made`).toBe(true);
        live.delete(url);
      },
    };
    urls = new BlobUrls(api);
  });

  it('makes one URL per blob and keeps it while the blob stays in the list', () => {
    const first = urls.sync([a, b]);
    expect(first).toEqual(['blob:test/1', 'blob:test/2']);
    expect(urls.sync([a, b, c])).toEqual([...first, 'blob:test/3']);
    expect(made).toBe(3);
  });

  it('revokes the URL of a removed blob at once', () => {
    const [urlA, urlB] = urls.sync([a, b]);
    expect(urls.sync([b])).toEqual([urlB]);
    expect(live.has(urlA)).toBe(false);
    expect([...live.values()]).toEqual([b]);
  });

  it('revokes every URL when the list is cleared (sent) or the view goes (revokeAll)', () => {
    urls.sync([a, b]);
    expect(urls.sync([])).toEqual([]);
    expect(live.size).toBe(0);
    urls.sync([c]);
    urls.revokeAll();
    expect(live.size).toBe(0);
  });

  it('shares one URL for a blob listed twice', () => {
    const [first, second] = urls.sync([a, a]);
    expect(second).toBe(first);
    expect(made).toBe(1);
  });
});
