import { describe, expect, it } from 'vitest';
import { extractInvoice } from '../../../../src/stages/extract/extract.ts';
import {
  parseStructuredInvoice,
  type StructuredInvoice,
  structuredDocument,
} from '../../../../src/stages/extract/structured/index.ts';
import {
  cfdi40,
  DIAN_CUFE,
  DIAN_INVOICE,
  dianAttachedDocument,
  facturX,
  NFE,
  UBL_CREDIT_NOTE,
  UBL_INVOICE,
  ZUGFERD_1,
} from './fixtures.ts';

function parsed(xml: string | Uint8Array): StructuredInvoice {
  const result = parseStructuredInvoice(xml);
  if (!result.ok) throw new Error(`rejected: ${result.reason} ${result.message}`);
  return result;
}

describe('parseStructuredInvoice: each e-invoice syntax to the output contract', () => {
  it('reads Factur-X / ZUGFeRD 2.x CII: header, parties, totals in the invoice currency, per-unit prices', () => {
    const result = parsed(facturX());
    expect(result.format).toBe('cii');
    expect(result.documentKind).toBe('invoice');
    expect(result.issues).toEqual([]);
    expect(result.invoice).toEqual({
      number: 'FX-2025/0042',
      cufe: null,
      issueDate: '2025-03-14',
      dueDate: '2025-04-13',
      purchaseOrder: 'PO-5521',
      supplier: { name: 'Beispiel Maschinenbau GmbH', taxId: 'DE123456780' },
      customer: { name: 'Kunde & Partner AG', taxId: 'DE987654320' },
      currency: 'EUR',
      subtotal: 85,
      tax: 15.2,
      withholdings: null,
      total: 95.2,
      lines: [
        {
          code: 'P-100',
          description: 'Ventilmotor 24 V',
          quantity: 4,
          unit: 'C62',
          unitPrice: 12.5,
          amount: 50,
        },
        {
          code: '4012345000009',
          description: 'Schrauben M6 & Muttern',
          quantity: 500,
          unit: 'H87',
          unitPrice: 0.07,
          amount: 35,
        },
      ],
    });
  });

  it('reads every CII profile the same way and records a 381 as a credit note', () => {
    const xrechnung = parsed(
      facturX({ profile: 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0' }),
    );
    expect(xrechnung.invoice.total).toBe(95.2);
    const credit = parsed(facturX({ typeCode: '381' }));
    expect(credit.documentKind).toBe('credit_note');
    expect(credit.invoice.total).toBe(95.2);
  });

  it('reads ZUGFeRD 1.x CrossIndustryDocument', () => {
    const result = parsed(ZUGFERD_1);
    expect(result.format).toBe('zugferd1');
    expect(result.invoice).toMatchObject({
      number: '471102',
      issueDate: '2013-03-05',
      purchaseOrder: 'B-9',
      supplier: { name: 'Lieferant GmbH', taxId: 'DE111222333' },
      customer: { name: 'Kunden AG Mitte', taxId: null },
      subtotal: 198,
      tax: 37.62,
      total: 235.62,
      lines: [
        {
          code: 'TB100A4',
          description: 'Trennblätter A4',
          quantity: 20,
          unit: 'C62',
          unitPrice: 9.9,
          amount: 198,
        },
      ],
    });
    expect(result.issues).toEqual([]);
  });

  it('reads a UBL 2.1 / XRechnung invoice with the legal name before the trading name', () => {
    const result = parsed(UBL_INVOICE);
    expect(result.format).toBe('ubl');
    expect(result.invoice).toMatchObject({
      number: 'XR-1001',
      issueDate: '2025-02-01',
      dueDate: '2025-03-03',
      purchaseOrder: 'BE-77',
      supplier: { name: 'Rechtlicher Name GmbH', taxId: 'DE555666777' },
      customer: { name: 'Stadtverwaltung Beispielstadt', taxId: null },
      currency: 'EUR',
      subtotal: 300,
      tax: 57,
      total: 357,
      lines: [
        {
          code: 'SRV-01',
          description: 'Wartung Heizungsanlage',
          quantity: 3,
          unit: 'HUR',
          unitPrice: 100,
          amount: 300,
        },
      ],
    });
  });

  it('records a UBL CreditNote as a credit note, amounts as written', () => {
    const result = parsed(UBL_CREDIT_NOTE);
    expect(result.documentKind).toBe('credit_note');
    expect(result.invoice.total).toBe(119);
    expect(result.invoice.lines).toHaveLength(1);
  });

  it('reads a DIAN invoice: CUFE, NIT with its check digit, withholdings, due date from PaymentMeans', () => {
    const result = parsed(DIAN_INVOICE);
    expect(result.format).toBe('dian');
    expect(result.issues).toEqual([]);
    expect(result.invoice).toMatchObject({
      number: 'SETP990000123',
      cufe: DIAN_CUFE,
      issueDate: '2025-05-20',
      dueDate: '2025-06-19',
      purchaseOrder: 'OC-4410',
      supplier: { name: 'Servitécnicos Industriales S.A.S.', taxId: '900123456-4' },
      customer: { name: 'Textiles del Valle S.A.', taxId: '890300123-7' },
      currency: 'COP',
      subtotal: 2_500_000,
      tax: 380_000,
      withholdings: 93_800,
      total: 2_880_000,
    });
    expect(
      result.invoice.lines.map((l) => [l.code, l.description, l.quantity, l.unitPrice, l.amount]),
    ).toEqual([
      ['SV-77', 'Reparación de motor de telar', 2, 1_000_000, 2_000_000],
      [null, 'Repuestos exentos', 1, 500_000, 500_000],
    ]);
  });

  it('opens a DIAN AttachedDocument, its invoice as CDATA or as escaped text, and skips the DIAN response', () => {
    for (const escaped of [false, true]) {
      const result = parsed(dianAttachedDocument(DIAN_INVOICE, escaped));
      expect(result.format).toBe('dian');
      expect(result.invoice.number).toBe('SETP990000123');
      expect(result.invoice.cufe).toBe(DIAN_CUFE);
      expect(result.invoice.total).toBe(2_880_000);
    }
  });

  it('reads a CFDI 4.0: Serie-Folio, the stamp UUID, RFCs, discount and withholdings; an egreso is a credit note', () => {
    const result = parsed(cfdi40());
    expect(result.format).toBe('cfdi');
    expect(result.issues).toEqual([]);
    expect(result.invoice).toMatchObject({
      number: 'FA-00318',
      cufe: '5FB2822E-396D-4725-8521-CDC4BDD20CCF',
      issueDate: '2025-01-09',
      supplier: { name: 'ESCUELA KEMPER URGATE', taxId: 'EKU9003173C9' },
      customer: { name: 'UNIVERSIDAD ROBOTICA ESPAÑOLA', taxId: 'URE180429TM6' },
      currency: 'MXN',
      subtotal: 1500,
      tax: 224,
      withholdings: 85,
      total: 1539,
    });
    expect(result.invoice.lines[0]).toEqual({
      code: 'MANT-01',
      description: 'Mantenimiento de compresor',
      quantity: 2,
      unit: 'E48',
      unitPrice: 500,
      amount: 1000,
    });
    expect(parsed(cfdi40('E')).documentKind).toBe('credit_note');
  });

  it('reads an NF-e: number, access key, CNPJ and CPF, added-on taxes, lines', () => {
    const result = parsed(NFE);
    expect(result.format).toBe('nfe');
    expect(result.issues).toEqual([]);
    expect(result.invoice).toMatchObject({
      number: '1234',
      cufe: '35250112345678000195550010000012341000012345',
      issueDate: '2025-01-15',
      supplier: { name: 'Indústria Exemplo Ltda', taxId: '12345678000195' },
      customer: { name: 'Cliente Pessoa Física', taxId: '12345678909' },
      currency: 'BRL',
      subtotal: 150,
      tax: 7.5,
      total: 162.5,
    });
    expect(result.invoice.lines[0]).toEqual({
      code: 'A-10',
      description: 'Rolamento 6204',
      quantity: 4,
      unit: 'UN',
      unitPrice: 25.5,
      amount: 102,
    });
  });

  it('decodes bytes in the declared encoding (ISO-8859-1) and UTF-16 with its byte-order mark', () => {
    const latin1 = ZUGFERD_1.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    expect(parsed(Buffer.from(latin1, 'latin1')).invoice.lines[0]?.description).toBe('Trennblätter A4');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(ZUGFERD_1.replace('UTF-8', 'UTF-16'), 'utf16le'),
    ]);
    expect(parsed(utf16).invoice.lines[0]?.description).toBe('Trennblätter A4');
  });
});

describe('parseStructuredInvoice: an XML whose figures do not add up is flagged, its values kept', () => {
  it('lines that do not sum to the stated line total', () => {
    const result = parsed(facturX({ secondLineAmount: '45.00' }));
    expect(result.issues).toContain('xml_lines_do_not_sum_to_line_total');
    expect(result.invoice.lines[1]?.amount).toBe(45);
  });

  it('a grand total that is not line total - allowances + tax', () => {
    const result = parsed(facturX({ grandTotal: '105.20' }));
    expect(result.issues).toEqual(['xml_totals_inconsistent']);
    expect(result.invoice.total).toBe(105.2);
  });

  it('a CFDI whose Total does not follow from SubTotal, Descuento and its taxes', () => {
    const result = parsed(cfdi40().replace('Total="1539.00"', 'Total="1639.00"'));
    expect(result.issues).toEqual(['xml_totals_inconsistent']);
  });
});

describe('a lone XML invoice through extractInvoice', () => {
  it('gives the XML values with provenance xml, the credit-note kind and the XML validation', () => {
    const extraction = extractInvoice(structuredDocument(parsed(UBL_CREDIT_NOTE), 'nc.xml'));
    expect(extraction.invoice.number).toBe('CN-17');
    expect(extraction.invoice.total).toBe(119);
    expect(extraction.documentKind).toBe('credit_note');
    expect(extraction.provenance).toMatchObject({ number: 'xml', total: 'xml', lines: 'xml' });
    expect(extraction.confidence.number).toBe(0.99);
    // No supplier tax id in this credit note: said, as for any invoice.
    expect(extraction.validation.issues).toEqual(['missing_supplier_tax_id']);
  });
});
