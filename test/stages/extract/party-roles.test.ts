import { describe, expect, it } from 'vitest';
import { emptyInvoice } from '../../../src/contract/result.ts';
import { findParties } from '../../../src/stages/extract/fields/parties.ts';
import {
  accessKeyCheckDigit,
  accessKeyFacts,
  decodeAccessKey,
} from '../../../src/stages/extract/fiscal-codes/sefaz-key.ts';
import {
  cnpjIsValid,
  euVatIsValid,
  nitCheckDigit,
} from '../../../src/stages/extract/fiscal-codes/tax-ids.ts';
import { layoutRows } from '../../../src/stages/extract/page/layout.ts';
import { applyQrFacts } from '../../../src/stages/extract/reconcile/qr-apply.ts';
import { type Placed, readHandMadePdf, row } from './pdf-fixture.ts';
import { rowsOf } from './rows-fixture.ts';

const REVIEW_THRESHOLD = 0.8;

/** An EU VAT id with the body given and the one last digit that makes its check verify. */
function vat(prefix: string, body: string, suffix = ''): string {
  for (let d = 0; d <= 9; d++) {
    const id = `${prefix}${body}${d}${suffix}`;
    if (euVatIsValid(id) === true) return id;
  }
  throw new Error(`no check digit verifies ${prefix}${body}`);
}

/** A CNPJ with the twelve digits given and the check digits that verify. */
function cnpj(first12: string): string {
  for (let d = 0; d < 100; d++) {
    const id = `${first12}${String(d).padStart(2, '0')}`;
    if (cnpjIsValid(id)) return id;
  }
  throw new Error(`no check digits verify ${first12}`);
}

const printedCnpj = (id: string) =>
  `${id.slice(0, 2)}.${id.slice(2, 5)}.${id.slice(5, 8)}/${id.slice(8, 12)}-${id.slice(12)}`;

const nit = (base: string) => `${base}-${nitCheckDigit(base)}`;

async function partiesOf(pages: Placed[][]) {
  return findParties(layoutRows(await readHandMadePdf(pages)));
}

/**
 * The customer's block printed first (left, or above) and the supplier's after it: position alone would take
 * the customer's id for the issuer's; the headings say otherwise.
 */
describe('party roles from role headings in several languages', () => {
  const cases = [
    {
      lang: 'German',
      customerHeading: 'Rechnungsempfänger',
      supplierHeading: 'Lieferant',
      label: 'USt-IdNr.:',
      customer: vat('DE', '13658814'),
      supplier: vat('DE', '29187634'),
    },
    {
      lang: 'English',
      customerHeading: 'Bill to',
      supplierHeading: 'From',
      label: 'VAT number:',
      customer: vat('DE', '81125573'),
      supplier: vat('DE', '11471990'),
    },
    {
      lang: 'French',
      customerHeading: 'Client',
      supplierHeading: 'Fournisseur',
      label: 'TVA intracom.:',
      customer: vat('DE', '40483304'),
      supplier: vat('DE', '52274118'),
    },
    {
      lang: 'Italian',
      customerHeading: 'Cessionario/committente',
      supplierHeading: 'Cedente/prestatore',
      label: 'Partita IVA:',
      customer: vat('DE', '30022841'),
      supplier: vat('DE', '18877356'),
    },
    {
      lang: 'Dutch',
      customerHeading: 'Klant',
      supplierHeading: 'Leverancier',
      label: 'BTW-nummer:',
      customer: vat('DE', '27771520'),
      supplier: vat('DE', '62390033'),
    },
    {
      lang: 'Spanish',
      customerHeading: 'Adquiriente',
      supplierHeading: 'Emisor',
      label: 'NIT:',
      customer: nit('901234567'),
      supplier: nit('830456789'),
    },
  ];

  for (const c of cases) {
    it(`${c.lang}: "${c.customerHeading}" on the left, "${c.supplierHeading}" on the right`, async () => {
      const { supplier, customer } = await partiesOf([
        [
          ...row(60, [
            [40, c.customerHeading],
            [320, c.supplierHeading],
          ]),
          ...row(74, [
            [40, 'Textilwerke Nord'],
            [320, 'Maschinenbau Süd'],
          ]),
          ...row(88, [
            [40, `${c.label} ${c.customer}`],
            [320, `${c.label} ${c.supplier}`],
          ]),
          ...row(200, [[40, 'Total 1.000,00']]),
        ],
      ]);
      expect(supplier.taxId?.value).toBe(c.supplier);
      expect(customer.taxId?.value).toBe(c.customer);
      expect(supplier.taxIdScore).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
      expect(customer.taxIdScore).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
    });
  }

  it('a customer block above the supplier block, each under its own heading (stacked)', async () => {
    const customerId = nit('900111222');
    const supplierId = nit('811222333');
    const { supplier, customer } = await partiesOf([
      [
        ...row(40, [[40, 'Cliente:']]),
        ...row(54, [[40, 'Hilanderías del Norte S.A.S.']]),
        ...row(68, [[40, `NIT: ${customerId}`]]),
        ...row(110, [[40, 'Proveedor:']]),
        ...row(124, [[40, 'Talleres Unidos S.A.S.']]),
        ...row(138, [[40, `NIT: ${supplierId}`]]),
      ],
    ]);
    expect(supplier.taxId?.value).toBe(supplierId);
    expect(customer.taxId?.value).toBe(customerId);
  });
});

describe('a receipt stub and third parties define no role', () => {
  const emitter = cnpj('815830540001');
  const recipient = cnpj('765865070001');
  const carrier = cnpj('499291940002');

  const danfe = (): Placed[] => [
    // The receipt stub: the issuer's name and the customer's id, the other way round.
    ...row(13, [
      [17, 'RECEBEMOS DE Fiação Paulista Ltda OS PRODUTOS CONSTANTES DA NOTA FISCAL INDICADA ABAIXO.'],
    ]),
    ...row(21, [[17, `DESTINATARIO: Malharia Sul Ltda, CNPJ: ${printedCnpj(recipient)}`]]),
    ...row(31, [
      [17, 'DATA DE RECEBIMENTO'],
      [130, 'IDENTIFICAÇÃO E ASSINATURA DO RECEBEDOR'],
    ]),
    ...row(70, [[43, 'Fiação Paulista Ltda']], 12),
    ...row(90, [[43, 'Avenida Paulista, 1']]),
    ...row(173, [
      [17, 'INSCRIÇÃO ESTADUAL'],
      [395, 'CNPJ / CPF'],
    ]),
    ...row(182, [
      [17, '078016350838'],
      [395, printedCnpj(emitter)],
    ]),
    ...row(196, [[17, 'DESTINATÁRIO / REMETENTE']]),
    ...row(206, [
      [17, 'NOME / RAZÃO SOCIAL'],
      [400, 'CNPJ / CPF'],
    ]),
    ...row(215, [
      [17, 'Malharia Sul Ltda'],
      [400, printedCnpj(recipient)],
    ]),
    ...row(300, [[17, 'TRANSPORTADOR / VOLUMES TRANSPORTADOS']]),
    ...row(310, [
      [17, 'NOME / RAZÃO SOCIAL'],
      [499, 'CNPJ / CPF'],
    ]),
    ...row(319, [
      [17, 'Transportes Rápidos Ltda'],
      [499, printedCnpj(carrier)],
    ]),
  ];

  it('takes the emitter and the recipient from their blocks, not from the stub nor the carrier', async () => {
    const { supplier, customer } = await partiesOf([danfe()]);
    expect(supplier.taxId?.value).toBe(emitter);
    expect(customer.taxId?.value).toBe(recipient);
    expect(supplier.taxIdScore).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
  });

  it('never gives the carrier a role, even when the recipient prints no id', async () => {
    const withoutRecipient = danfe().filter((t) => !t.text.includes(printedCnpj(recipient)));
    const { supplier, customer } = await partiesOf([withoutRecipient]);
    expect(supplier.taxId?.value).toBe(emitter);
    expect(customer.taxId).toBeNull();
  });
});

describe('confidence says how the role was found', () => {
  const first = nit('900555111');
  const second = nit('811666222');

  it('two ids, no heading and no letterhead: the first is taken for the issuer, below the review threshold', async () => {
    const { supplier, customer } = await partiesOf([
      [
        ...row(60, [[40, 'Factura de venta FV-12']]),
        ...row(80, [[40, `NIT: ${first}`]]),
        ...row(120, [[40, `NIT: ${second}`]]),
      ],
    ]);
    expect(supplier.taxId?.value).toBe(first);
    expect(supplier.taxIdScore).toBeLessThan(REVIEW_THRESHOLD);
    expect(customer.taxId?.value).toBe(second);
    expect(customer.taxIdScore).toBeLessThan(REVIEW_THRESHOLD);
  });

  it('the first id under the issuer’s name with its legal form at the top is the issuer’s (a letterhead)', async () => {
    const { supplier } = await partiesOf([
      [
        ...row(40, [[40, 'Talleres Unidos S.A.S.']], 14),
        ...row(60, [[40, `NIT: ${first}`]]),
        ...row(120, [[40, `NIT: ${second}`]]),
      ],
    ]);
    expect(supplier.taxId?.value).toBe(first);
    expect(supplier.taxIdScore).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
  });
});

describe('a tax id label that addresses the reader', () => {
  const supplierId = vat('DE', '41549804');
  const customerId = vat('DE', '75245130');

  it('gives the id to the customer ("Ihre USt-IdNr." in the letter\'s info block above, the issuer\'s in the footer)', async () => {
    const { supplier, customer } = await partiesOf([
      [
        ...row(40, [[40, 'Hessler Textilmaschinenbau GmbH']], 14),
        ...row(60, [[40, 'Kettelerstraße 21 · 63179 Obertshausen']]),
        ...row(100, [[40, 'Spinnerei Wendlingen AG']]),
        ...row(112, [[40, 'Neckarstraße 1']]),
        ...row(124, [[40, '73240 Wendlingen am Neckar']]),
        ...row(150, [
          [40, `Ihre USt-IdNr.: ${customerId}`],
          [400, 'Seite 1 von 1'],
        ]),
        ...row(
          760,
          [[40, `Hessler Textilmaschinenbau GmbH · Sitz Obertshausen · USt-IdNr.: ${supplierId}`]],
          8,
        ),
      ],
    ]);
    expect(customer.taxId?.value).toBe(customerId);
    expect(customer.taxIdScore).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
    expect(supplier.taxId?.value).toBe(supplierId);
  });
});

describe("a printed access key's CNPJ", () => {
  /** A valid NF-e access key for the issuer given. */
  function keyFor(issuer: string) {
    const first43 = `35${'2001'}${issuer}55001000000002${'1'}${'62777169'}`;
    const key = decodeAccessKey(`${first43}${accessKeyCheckDigit(first43)}`);
    if (!key) throw new Error('key did not decode');
    return { ...accessKeyFacts(key), origin: 'printed' as const };
  }
  const emitter = cnpj('815830540001');
  const other = cnpj('595943150001');

  const apply = (printed: string | null, issuer: string) => {
    const invoice = emptyInvoice();
    invoice.supplier.taxId = printed;
    const confidence: Record<string, number> = { supplierTaxId: printed ? 0.95 : 0 };
    const outcome = applyQrFacts(invoice, confidence, keyFor(issuer), true);
    return { invoice, confidence, outcome };
  };

  it('confirms the supplier id its block prints', () => {
    const { invoice, confidence } = apply(emitter, emitter);
    expect(invoice.supplier.taxId).toBe(emitter);
    expect(confidence.supplierTaxId).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
  });

  it('replaces a printed id it disagrees with, says so, and asks a person', () => {
    const { invoice, confidence, outcome } = apply(emitter, other);
    expect(invoice.supplier.taxId).toBe(other);
    expect(outcome.issues).toContain('supplierTaxId_differs_from_key');
    expect(confidence.supplierTaxId).toBeLessThan(REVIEW_THRESHOLD);
  });

  it('fills an id the page does not print with moderate confidence', () => {
    const { invoice, confidence } = apply(null, emitter);
    expect(invoice.supplier.taxId).toBe(emitter);
    expect(confidence.supplierTaxId).toBeLessThan(REVIEW_THRESHOLD);
    expect(confidence.supplierTaxId).toBeGreaterThan(0.5);
  });
});

describe("a printed access key's CNPJ read as the customer's", () => {
  it('lowers the customer id below the review threshold and says why', () => {
    const issuer = cnpj('815830540001');
    const first43 = `352001${issuer}550010000000021${'62777169'}`;
    const key = decodeAccessKey(`${first43}${accessKeyCheckDigit(first43)}`);
    if (!key) throw new Error('key did not decode');
    const invoice = emptyInvoice();
    invoice.supplier.taxId = issuer;
    invoice.customer.taxId = issuer;
    const confidence: Record<string, number> = { supplierTaxId: 0.95, customerTaxId: 0.95 };
    const outcome = applyQrFacts(invoice, confidence, { ...accessKeyFacts(key), origin: 'printed' }, true);
    expect(outcome.issues).toContain('customerTaxId_is_key_issuer');
    expect(confidence.customerTaxId).toBeLessThan(REVIEW_THRESHOLD);
    expect(confidence.supplierTaxId).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
  });
});

describe('a heading with its closing bracket', () => {
  it('"Señor(es)" heads the customer’s block and its bracket is not part of the name', () => {
    const rows = rowsOf([
      [10, [[24, 'Talleres del Sur Ltda.']]],
      [33, [[24, `NIT: ${nit('932614977')}`]]],
      [142, [[12, 'Señor(es) HILADOS Y TEJIDOS DEL NORTE S.A.S']]],
      [162, [[12, `NIT/CC ${nit('939950593')}`]]],
    ]);
    const { supplier, customer } = findParties(rows);
    expect(customer.name).toBe('HILADOS Y TEJIDOS DEL NORTE S.A.S');
    expect(customer.taxId?.value).toBe(nit('939950593'));
    expect(supplier.taxId?.value).toBe(nit('932614977'));
  });
});

describe('an id under its own heading', () => {
  it('wins over one placed by where a heading lower on the page stands', () => {
    const rows = rowsOf([
      [
        103,
        [
          [45, 'RAZÓN SOCIAL'],
          [309, 'EMISOR'],
        ],
      ],
      [
        117,
        [
          [45, 'Hilados y Tejidos El Cóndor Ltda.'],
          [309, 'Electromotores Itagüí S.A.S.'],
        ],
      ],
      [
        127,
        [
          [45, `NIT: 999394555 - ${nitCheckDigit('999394555')}`],
          [309, `NIT: 998264983 - ${nitCheckDigit('998264983')}`],
        ],
      ],
      // A remark wrapped so that a line opens with "cliente.": read as the customer's heading, everything
      // above it would be the issuer's.
      [640, [[40, 'Servicio atendido por reporte de falla del']]],
      [650, [[40, 'cliente.']]],
    ]);
    expect(findParties(rows).supplier.taxId?.value).toBe(`998264983-${nitCheckDigit('998264983')}`);
  });
});
