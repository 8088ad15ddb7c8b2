import {attachedImageLabel} from './attached-image-label';

describe('attachedImageLabel', () => {
  it('names the place from 1, the media type and the size', () => {
    const png = new Blob([new Uint8Array(12_345)], {type: 'image/png'});
    expect(attachedImageLabel(0, png)).toBe('Attached image 1 (image/png, 12.3 kB)');
    expect(attachedImageLabel(2, new Blob([new Uint8Array(68)]))).toBe('Attached image 3 (unknown type, 68 B)');
  });
});
