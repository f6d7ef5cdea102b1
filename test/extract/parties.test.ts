import { describe, expect, it } from 'vitest';
import { findParties } from '../../src/stages/extract/parties.ts';
import { nitCheckDigit } from '../../src/stages/extract/tax-id.ts';
import { rowsOf } from './rows-fixture.ts';

const nit = (base: string) => `${base}-${nitCheckDigit(base)}`;

describe('findParties on OCR rows', () => {
  it('takes an undotted NIT whose label OCR garbled when its check digit verifies', () => {
    const rows = rowsOf(
      [
        [
          40,
          [
            [38, 'Térmicos Gómez S.A.S.'],
            [194, 'Facturado a:'],
          ],
        ],
        [51, [[194, 'HILANDERÍAS DEL VALLE S.A.S.']]],
        [
          59,
          [
            [38, `NIT: ${nit('892838007')}`],
            [195, 'CI0'],
            [219, `NUDO ${nit('869782445')}`],
          ],
        ],
      ],
      0.9,
    );
    const { supplier, customer } = findParties(rows);
    expect(supplier.taxId?.value).toBe(nit('892838007'));
    expect(customer.taxId?.value).toBe(nit('869782445'));
  });

  it('leaves an unlabelled number with a wrong check digit alone', () => {
    const wrong = `869782445-${(nitCheckDigit('869782445') + 1) % 10}`;
    const rows = rowsOf(
      [
        [
          40,
          [
            [38, 'Térmicos Gómez S.A.S.'],
            [194, 'Facturado a:'],
          ],
        ],
        [
          59,
          [
            [38, `NIT: ${nit('892838007')}`],
            [219, `Pedido ${wrong}`],
          ],
        ],
      ],
      0.9,
    );
    expect(findParties(rows).customer.taxId).toBeNull();
  });

  it('trusts a computed check digit less than a printed one', () => {
    const rows = rowsOf(
      [
        [
          40,
          [
            [38, 'Térmicos Gómez S.A.S.'],
            [300, 'Cliente:'],
          ],
        ],
        [
          52,
          [
            [38, `NIT: ${nit('892838007')}`],
            [300, 'NIT: 869782445 -'],
          ],
        ],
      ],
      0.9,
    );
    const { supplier, customer } = findParties(rows);
    expect(customer.taxId).toMatchObject({ value: nit('869782445'), computed: true });
    expect(customer.taxIdScore).toBeLessThan(supplier.taxIdScore);
  });
});
