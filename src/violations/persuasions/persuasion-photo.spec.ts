import { cleanPhoto, PHOTO_MAX_BYTES, stripJpeg, stripPng } from './persuasion-photo';

/** A JPEG's segment: marker, big-endian length (including itself), payload. */
function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head[0] = 0xff;
  head[1] = marker;
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

const GPS = Buffer.from('Exif\0\0GPSLatitude 39.91 GPSLongitude 116.36', 'latin1');
const jfif = segment(0xe0, Buffer.from('JFIF\0\x01\x01', 'latin1'));
const quant = segment(0xdb, Buffer.alloc(65, 1));
const scan = Buffer.concat([segment(0xda, Buffer.alloc(10, 2)), Buffer.from([9, 9, 0xff, 0xd9])]);
const jpeg = (...parts: Buffer[]) => Buffer.concat([Buffer.from([0xff, 0xd8]), ...parts]);
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, data, Buffer.alloc(4)]);
}
const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('persuasion photos', () => {
  it('drops EXIF (APP1), other APPn and comments from a JPEG, keeping the picture', () => {
    const photo = jpeg(jfif, segment(0xe1, GPS), segment(0xfe, Buffer.from('iPhone')), quant, scan);
    const clean = stripJpeg(photo)!;
    expect(clean.toString('latin1')).not.toContain('GPS');
    expect(clean.toString('latin1')).not.toContain('iPhone');
    expect(clean).toEqual(jpeg(jfif, quant, scan));
  });

  it('drops text and EXIF chunks from a PNG', () => {
    const png = Buffer.concat([
      PNG_SIG,
      pngChunk('IHDR', Buffer.alloc(13)),
      pngChunk('eXIf', GPS),
      pngChunk('tEXt', Buffer.from('Location\0Beijing')),
      pngChunk('IDAT', Buffer.alloc(20, 3)),
      pngChunk('IEND', Buffer.alloc(0)),
    ]);
    const clean = stripPng(png)!;
    expect(clean.toString('latin1')).not.toMatch(/GPS|Beijing/);
    expect(clean.length).toBe(8 + 25 + 32 + 12);
  });

  it('reads the type from the bytes, not from the label', () => {
    const photo = jpeg(jfif, quant, scan);
    expect(cleanPhoto(dataUrl('image/png', photo))).toMatchObject({
      ok: true,
      contentType: 'image/jpeg',
    });
    const html = Buffer.from('<svg onload=alert(1)>');
    expect(cleanPhoto(dataUrl('image/jpeg', html))).toEqual({ ok: false, problem: 'format' });
  });

  it('refuses other types, broken segments and oversized photos', () => {
    expect(cleanPhoto(dataUrl('image/gif', Buffer.from('GIF89a')))).toMatchObject({ ok: false });
    expect(cleanPhoto('data:image/jpeg;base64,@@@')).toMatchObject({ ok: false });
    const truncated = jpeg(jfif, segment(0xe1, GPS)).subarray(0, 30);
    expect(cleanPhoto(dataUrl('image/jpeg', truncated))).toEqual({ ok: false, problem: 'format' });
    const huge = jpeg(jfif, Buffer.alloc(PHOTO_MAX_BYTES));
    expect(cleanPhoto(dataUrl('image/jpeg', huge))).toEqual({ ok: false, problem: 'too_large' });
  });
});
