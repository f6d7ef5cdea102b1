import { describe, expect, it } from 'vitest';
import { matchLabels } from '../../../../src/stages/extract/labels/match.ts';
import { findLineItems, totalsLabelRows } from '../../../../src/stages/extract/tables/table.ts';
import { readHeader } from '../../../../src/stages/extract/tables/table-header.ts';
import { totalsLeads } from '../../../../src/stages/extract/tables/totals-lead.ts';
import { looksLikeAmount, parseAmount } from '../../../../src/stages/extract/values/amount.ts';
import { rowsOf } from '../rows-fixture.ts';

const items = (spec: Parameters<typeof rowsOf>[0]) => {
  const rows = rowsOf(spec);
  const labels = matchLabels(rows);
  return findLineItems(rows, totalsLabelRows(labels), totalsLeads(labels)).lines;
};

describe('totals block under an item table', () => {
  it('ends the table at a totals label that opens a row, in any language', () => {
    const lines = items([
      [
        100,
        [
          [40, 'Bezeichnung'],
          [300, 'Menge'],
          [380, 'E-Preis'],
          [480, 'Gesamtpreis'],
        ],
      ],
      [
        115,
        [
          [40, 'Wartung Kompressor'],
          [300, '1'],
          [380, '1.207,68'],
          [480, '1.207,68'],
        ],
      ],
      [
        130,
        [
          [40, 'Keilriemen B-52'],
          [300, '2'],
          [380, '11,29'],
          [480, '22,58'],
        ],
      ],
      [
        145,
        [
          [40, 'SUMME NETTO:'],
          [480, '1.230,26 €'],
        ],
      ],
      [
        160,
        [
          [40, 'MWST. 19%:'],
          [480, '233,75 €'],
        ],
      ],
      [175, [[40, 'Summe netto: 1.230,26 € Umsatzsteuer 19%: 233,75 €']]],
    ]);
    expect(lines.map((l) => l.amount)).toEqual([1207.68, 22.58]);
  });

  it('ends it at a totals label standing where the numbers are, beside notes', () => {
    const lines = items([
      [
        100,
        [
          [40, 'Omschrijving'],
          [300, 'Aantal'],
          [380, 'Stukprijs'],
          [480, 'Bedrag'],
        ],
      ],
      [
        115,
        [
          [40, 'Reparatie pomp'],
          [300, '1'],
          [380, '193,69'],
          [480, '193,69'],
        ],
      ],
      [
        130,
        [
          [40, 'Notities: service op locatie'],
          [330, 'Totaal excl. BTW:'],
          [480, '193,69'],
        ],
      ],
      [
        145,
        [
          [40, 'zonder garantie.'],
          [330, 'Btw 21%:'],
          [480, '40,67'],
        ],
      ],
    ]);
    expect(lines.map((l) => l.amount)).toEqual([193.69]);
  });

  it('keeps an item whose description merely starts with a totals word', () => {
    const lines = items([
      [
        100,
        [
          [40, 'Description'],
          [300, 'Qty'],
          [380, 'Price'],
          [480, 'Amount'],
        ],
      ],
      [
        115,
        [
          [40, 'Total overhaul of loom'],
          [300, '1'],
          [380, '500.00'],
          [480, '500.00'],
        ],
      ],
      [
        130,
        [
          [40, 'Net amount:'],
          [480, '500.00'],
        ],
      ],
    ]);
    expect(lines.map((l) => l.description)).toEqual(['Total overhaul of loom']);
  });
});

describe('table header names', () => {
  it('takes multi-word names whole and a bare Unit beside Unit price as the unit', () => {
    const [row] = rowsOf([
      [
        100,
        [
          [40, 'Quantity'],
          [100, 'Unit Part No.'],
          [180, 'Item description'],
          [430, 'Unit Price'],
          [520, 'Extended'],
        ],
      ],
    ]);
    const kinds = readHeader(row!)?.columns.map((c) => c.kind);
    expect(kinds).toEqual(['quantity', 'unit', 'code', 'description', 'unitPrice', 'amount']);
  });
});

describe('amounts with a glued currency sign', () => {
  it('reads £, € and R$ before or after the digits', () => {
    expect(parseAmount('£1,445.23')).toBe(1445.23);
    expect(parseAmount('40,20€')).toBe(40.2);
    expect(parseAmount('R$3.227,76')).toBe(3227.76);
    expect(looksLikeAmount('£257.84')).toBe(true);
  });
});

describe('foreign table layouts', () => {
  it('ends the table at a totals label in its own cell left of the prices, notes before it', () => {
    const lines = items([
      [
        100,
        [
          [50, 'Aant.'],
          [80, 'Artikel'],
          [440, 'Prijs'],
          [514, 'Regeltotaal'],
        ],
      ],
      [
        115,
        [
          [56, '1,00'],
          [80, 'Correa dentada HTD'],
          [436, '54,27'],
          [538, '54,27'],
        ],
      ],
      [
        130,
        [
          [32, 'OPMERKINGEN: Se recomienda reemplazar piezas'],
          [361, 'TOTAAL EXCL. BTW:'],
          [538, '54,27'],
        ],
      ],
      [
        145,
        [
          [361, 'TOTAALBEDRAG:'],
          [535, '65,67'],
        ],
      ],
    ]);
    expect(lines.map((l) => l.description)).toEqual(['Correa dentada HTD']);
  });

  it('continues a description across a header of two description words', () => {
    const lines = items([
      [
        100,
        [
          [44, 'Cód.'],
          [93, 'Discriminação dos serviços'],
          [321, 'Qtde'],
          [393, 'Valor unitário'],
          [533, 'Total'],
        ],
      ],
      [
        115,
        [
          [44, 'P-05442'],
          [93, 'Mantenimiento predictivo de'],
          [335, '3'],
          [413, '7.107,88'],
          [516, '21.323,64'],
        ],
      ],
      [127, [[93, 'caldera de vapor Continental 200 BHP']]],
    ]);
    expect(lines[0]?.description).toBe('Mantenimiento predictivo de caldera de vapor Continental 200 BHP');
  });
});
