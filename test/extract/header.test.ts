import { describe, expect, it } from 'vitest';
import { findInvoiceNumber } from '../../src/stages/extract/header.ts';
import { rowsOf } from './rows-fixture.ts';

describe('findInvoiceNumber', () => {
  it('reads a grid column headed by an "N" whose degree sign OCR lost', () => {
    const rows = rowsOf(
      [
        [
          111,
          [
            [45, 'N'],
            [173, 'FECHA DE EMISIÓN'],
            [301, 'FECHA DE VENCIMIENTO'],
          ],
        ],
        [
          120,
          [
            [45, 'FVE-2026-89147'],
            [173, '23 de febrero de 2025'],
            [302, '10 de marzo de 2025'],
          ],
        ],
      ],
      0.9,
    );
    expect(findInvoiceNumber(rows)?.value).toBe('FVE-2026-89147');
  });

  it('reads "N?" as "Nº"', () => {
    const rows = rowsOf(
      [
        [
          57,
          [
            [42, 'NIT 901245871-9'],
            [441, 'N? MAN42388'],
          ],
        ],
      ],
      0.9,
    );
    expect(findInvoiceNumber(rows)?.value).toBe('MAN42388');
  });

  it('reads a speck between an OCR-read prefix and its digits as the space it was', () => {
    const rows = rowsOf(
      [
        [
          68,
          [
            [331, 'NO.'],
            [452, 'FV.62867'],
          ],
        ],
      ],
      0.84,
    );
    expect(findInvoiceNumber(rows)?.value).toBe('FV 62867');
    // A text layer's own punctuation stays as printed (and is not a number shape we read).
    expect(
      findInvoiceNumber(
        rowsOf([
          [
            68,
            [
              [331, 'NO.'],
              [452, 'FV.62867'],
            ],
          ],
        ]),
      ),
    ).toBeNull();
  });

  it('prefers the invoice number over an order reference under a bare "No."', () => {
    const rows = rowsOf(
      [
        [104, [[451, 'NO.']]],
        [
          106,
          [
            [41, 'NRO'],
            [172, 'FECHA Y HORA DE EXPEDICIÓN'],
          ],
        ],
        [
          116,
          [
            [41, 'FE-705'],
            [172, '2026-03-07'],
            [433, 'PED-8001'],
          ],
        ],
      ],
      0.9,
    );
    expect(findInvoiceNumber(rows)?.value).toBe('FE-705');
  });
});
