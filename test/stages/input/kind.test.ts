import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectInputKind } from '../../../src/stages/input/kind.ts';
import { CORRECTIVE_INVOICE, dianZip, invoicePdf } from './fixtures.ts';

describe('detectInputKind: by the bytes, whatever the name says', () => {
  it('tells PDFs (header within the first kilobyte), ZIPs and XML apart', async () => {
    const pdf = await invoicePdf(CORRECTIVE_INVOICE);
    expect(detectInputKind(pdf)).toBe('pdf');
    const junk = new Uint8Array(600).fill(0x20);
    expect(detectInputKind(Buffer.concat([junk, pdf]))).toBe('pdf');
    expect(detectInputKind(Buffer.concat([new Uint8Array(1100).fill(0x20), pdf]))).toBe('unknown');
    expect(detectInputKind(await dianZip(CORRECTIVE_INVOICE))).toBe('zip');
    expect(detectInputKind(strToU8('\uFEFF\n  <?xml version="1.0"?><Invoice/>'))).toBe('xml');
    expect(detectInputKind(strToU8('<Invoice xmlns="urn:x">1</Invoice>'))).toBe('xml');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('<?xml version="1.0"?><a/>', 'utf16le'),
    ]);
    expect(detectInputKind(utf16)).toBe('xml');
    const utf16be = Buffer.from(utf16.subarray(2)).swap16();
    expect(detectInputKind(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be, Buffer.from([0x00])]))).toBe(
      'xml',
    );
  });

  it('knows images, legacy Office files, text and nothing', () => {
    const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(32).fill(0)]);
    expect(detectInputKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(detectInputKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png');
    expect(detectInputKind(bytes(0x49, 0x49, 0x2a, 0x00))).toBe('tiff');
    expect(detectInputKind(bytes(0x4d, 0x4d, 0x00, 0x2a))).toBe('tiff');
    expect(detectInputKind(strToU8('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(detectInputKind(strToU8('GIF89a......'))).toBe('gif');
    // HEIF: an `ftyp` box; HEVC brands (iPhone photos) are HEIC, AV1 ones (AVIF) are not.
    const ftyp = (...brands: string[]) => {
      const box = strToU8(`\0\0\0\0ftyp${brands[0]}\0\0\0\0${brands.slice(1).join('')}`);
      new DataView(box.buffer).setUint32(0, box.byteLength);
      return Buffer.concat([box, new Uint8Array(32)]);
    };
    expect(detectInputKind(ftyp('heic', 'mif1', 'heic'))).toBe('heic');
    expect(detectInputKind(ftyp('heix', 'mif1'))).toBe('heic');
    expect(detectInputKind(ftyp('mif1', 'mif1', 'heic'))).toBe('heic');
    expect(detectInputKind(ftyp('mif1', 'mif1', 'avif'))).toBe('unknown');
    expect(detectInputKind(ftyp('avif', 'mif1', 'miaf'))).toBe('unknown');
    expect(detectInputKind(ftyp('isom', 'mp41'))).toBe('unknown');
    expect(detectInputKind(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe('ole');
    expect(detectInputKind(strToU8('Factura 123, total 1.000'))).toBe('unknown');
    expect(detectInputKind(strToU8('a < b'))).toBe('unknown');
    expect(detectInputKind(new Uint8Array(0))).toBe('empty');
  });
});
