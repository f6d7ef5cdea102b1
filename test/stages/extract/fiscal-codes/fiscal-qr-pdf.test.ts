import * as mupdf from 'mupdf';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { ReadDocument } from '../../../../src/contract/document.ts';
import { extractInvoice } from '../../../../src/stages/extract/extract.ts';
import { toReadDocument } from '../../../../src/stages/read/document-text.ts';
import { readPageLayer } from '../../../../src/stages/read/text-layer.ts';
import { rfcWithCheck, withAccessKeyDigit, withCnpjDigits, withRucDigit } from './check-digits.ts';

/**
 * Real decoders end to end: the payload is drawn as a QR image by the `qrcode` package, embedded in a PDF made
 * with pdf-lib beside printed text, read back by the read stage's text-layer pass (which decodes embedded QR
 * images) and extracted.
 */
async function invoicePdf(lines: string[], qrPayload: string | null): Promise<ReadDocument> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([612, 792]);
  lines.forEach((text, i) => {
    page.drawText(text, { x: 40, y: 740 - i * 16, size: 9, font });
  });
  if (qrPayload) {
    const png = await QRCode.toBuffer(qrPayload, {
      type: 'png',
      margin: 1,
      scale: 4,
      errorCorrectionLevel: 'M',
    });
    const image = await pdf.embedPng(png);
    page.drawImage(image, { x: 440, y: 560, width: 120, height: 120 });
  }
  const document = mupdf.Document.openDocument(await pdf.save(), 'application/pdf');
  try {
    const pages = [];
    for (let i = 0; i < document.countPages(); i++) {
      const loaded = document.loadPage(i) as mupdf.PDFPage;
      pages.push(readPageLayer(loaded, i, false, true).text);
      loaded.destroy();
    }
    return toReadDocument(pages);
  } finally {
    document.destroy();
  }
}

describe('fiscal QR codes through the read stage and extraction', () => {
  it('a CFDI: the QR supplies the UUID and RFCs, and a printed total that disagrees is an issue', async () => {
    const issuer = rfcWithCheck('EKU900317SA');
    const receiver = rfcWithCheck('CACX7605101P');
    const uuid = '3F2504E0-4F89-41D3-9A0C-0305E82C3301';
    const payload = `https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx?id=${uuid}&re=${issuer}&rr=${receiver}&tt=0000001160.000000&fe=Ab12Cd==`;
    const document = await invoicePdf(
      [
        'FACTURA   Serie y Folio: A-1001',
        'Fecha: 2025-02-03',
        `Emisor   RFC: ${issuer}`,
        `Receptor   RFC: ${receiver}`,
        'Subtotal: $1,000.00',
        'IVA 16%: $160.00',
        'Total: $1,170.00',
      ],
      payload,
    );
    expect(document.pages[0]?.codes).toEqual([payload]);
    const { invoice, validation } = extractInvoice(document);
    expect(invoice.cufe).toBe(uuid);
    expect(invoice.supplier.taxId).toBe(issuer);
    expect(invoice.customer.taxId).toBe(receiver);
    expect(invoice.total).toBe(1160);
    expect(validation.issues).toContain('total_differs_from_qr');
    expect(validation.issues).not.toContain('supplierTaxId_differs_from_qr');
  });

  it('a VERI*FACTU invoice: number, date, NIF and amount from the code', async () => {
    const payload =
      'https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR?nif=B12345674&numserie=FA-2025-0042&fecha=07-03-2025&importe=242.00';
    const { invoice, validation } = extractInvoice(
      await invoicePdf(['FACTURA', 'Base imponible 200,00', 'IVA 21% 42,00', 'TOTAL 242,00 EUR'], payload),
    );
    expect(invoice).toMatchObject({ number: 'FA-2025-0042', issueDate: '2025-03-07', total: 242 });
    expect(invoice.supplier.taxId).toBe('B12345674');
    expect(validation.issues.filter((i) => i.endsWith('_differs_from_qr'))).toEqual([]);
  });

  it('a TicketBAI receipt and a SUNAT invoice', async () => {
    const tbai = await invoicePdf(
      ['Ticket'],
      'https://batuz.eus/QRTBAI/?id=TBAI-B12345674-150325-ABCDEFGHIJKLM-123&s=T&nf=77&i=48.40&cr=115',
    );
    expect(extractInvoice(tbai).invoice).toMatchObject({
      number: 'T77',
      issueDate: '2025-03-15',
      total: 48.4,
    });
    const ruc = withRucDigit('2010007097');
    const sunat = await invoicePdf(
      ['FACTURA ELECTRÓNICA'],
      `${ruc}|01|F001|00012345|18.00|118.00|2024-05-10|6|${withRucDigit('2051234567')}|`,
    );
    const { invoice } = extractInvoice(sunat);
    expect(invoice).toMatchObject({ number: 'F001-00012345', issueDate: '2024-05-10', total: 118, tax: 18 });
    expect(invoice.supplier.taxId).toBe(ruc);
  });

  it('an NFC-e QR (version 2, offline) gives number, day and total', async () => {
    const cnpj = withCnpjDigits('112223330001');
    const key = withAccessKeyDigit(`352403${cnpj}65001000004321912345678`);
    const { invoice } = extractInvoice(
      await invoicePdf(
        ['DANFE NFC-e'],
        `https://www.nfce.fazenda.sp.gov.br/qrcode?p=${key}|2|1|15|99.90|abc|1|HASH`,
      ),
    );
    expect(invoice).toMatchObject({ number: '4321', issueDate: '2024-03-15', total: 99.9, currency: 'BRL' });
    expect(invoice.supplier.taxId).toBe(cnpj);
  });

  it('a DANFE without a QR: the access key printed in groups gives number and issuer; a date of another month is an issue', async () => {
    const cnpj = withCnpjDigits('815830540001');
    const key = withAccessKeyDigit(`352403${cnpj}55001000000002112345678`);
    const printed = (date: string) => [
      'DANFE   CHAVE DE ACESSO',
      key.replace(/(\d{4})(?=\d)/g, '$1 '),
      'Nº 000.000.002   SÉRIE 1',
      `DATA DA EMISSÃO ${date}`,
      'VALOR TOTAL DA NOTA 1.950,00',
    ];
    const same = extractInvoice(await invoicePdf(printed('15/03/2024'), null));
    expect(same.invoice.supplier.taxId).toBe(cnpj);
    expect(same.invoice.cufe).toBe(key);
    expect(same.invoice.number?.replace(/\D/g, '').replace(/^0+/, '')).toBe('2');
    expect(same.validation.issues.filter((i) => i.endsWith('_from_key'))).toEqual([]);
    const other = extractInvoice(await invoicePdf(printed('15/05/2024'), null));
    expect(other.validation.issues).toContain('issueDate_differs_from_key');
  });
});
