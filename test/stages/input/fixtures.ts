import { strToU8, type Zippable, zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A Colombian e-invoice as the test writes it into both its PDF and its DIAN XML. */
export interface DianFixture {
  number: string;
  cufe: string;
  issueDate: string;
  dueDate: string;
  supplier: { name: string; nit: string; dv: string };
  customer: { name: string; nit: string; dv: string };
  lines: { code: string; description: string; quantity: number; unit: string; unitPrice: number }[];
  taxRate: number;
}

export const CORRECTIVE_INVOICE: DianFixture = {
  number: 'SETP990000123',
  cufe: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
  issueDate: '2025-03-14',
  dueDate: '2025-04-13',
  supplier: { name: 'Servicios Hidráulicos del Norte S.A.S.', nit: '900373115', dv: '3' },
  customer: { name: 'Textiles La Esperanza S.A.', nit: '860002964', dv: '4' },
  lines: [
    {
      code: 'REP-01',
      description: 'Reparación de fuga en bomba centrífuga por falla del sello mecánico',
      quantity: 1,
      unit: '94',
      unitPrice: 850000,
    },
    {
      code: 'REP-02',
      description: 'Cambio de rodamiento dañado del motor, atención de emergencia por avería',
      quantity: 2,
      unit: '94',
      unitPrice: 412500.5,
    },
    {
      code: 'MO-03',
      description: 'Mano de obra correctiva: desmontaje, corrección de la falla y arranque',
      quantity: 6,
      unit: 'HUR',
      unitPrice: 65000,
    },
  ],
  taxRate: 0.19,
};

export function amounts(invoice: DianFixture) {
  const lines = invoice.lines.map((l) => round(l.quantity * l.unitPrice));
  const subtotal = round(lines.reduce((a, b) => a + b, 0));
  const tax = round(subtotal * invoice.taxRate);
  return { lines, subtotal, tax, total: round(subtotal + tax) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

const NS =
  'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" ' +
  'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" ' +
  'xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2" ' +
  'xmlns:sts="dian:gov:co:facturaelectronica:Structures-2-1"';

function party(p: DianFixture['supplier'], role: 'AccountingSupplierParty' | 'AccountingCustomerParty') {
  return `<cac:${role}><cbc:AdditionalAccountID>1</cbc:AdditionalAccountID><cac:Party>
  <cac:PartyName><cbc:Name>${escapeXml(p.name)}</cbc:Name></cac:PartyName>
  <cac:PartyTaxScheme><cbc:RegistrationName>${escapeXml(p.name)}</cbc:RegistrationName>
    <cbc:CompanyID schemeAgencyID="195" schemeID="${p.dv}" schemeName="31">${p.nit}</cbc:CompanyID>
    <cac:TaxScheme><cbc:ID>01</cbc:ID><cbc:Name>IVA</cbc:Name></cac:TaxScheme></cac:PartyTaxScheme>
  <cac:PartyLegalEntity><cbc:RegistrationName>${escapeXml(p.name)}</cbc:RegistrationName>
    <cbc:CompanyID schemeAgencyID="195" schemeID="${p.dv}" schemeName="31">${p.nit}</cbc:CompanyID></cac:PartyLegalEntity>
</cac:Party></cac:${role}>`;
}

/** A DIAN UBL 2.1 Invoice (factura electrónica de venta), written by hand the way DIAN's annex lays it out. */
export function dianInvoiceXml(invoice: DianFixture): string {
  const { lines, subtotal, tax, total } = amounts(invoice);
  const items = invoice.lines
    .map(
      (line, i) => `<cac:InvoiceLine><cbc:ID>${i + 1}</cbc:ID>
  <cbc:InvoicedQuantity unitCode="${line.unit}">${line.quantity}</cbc:InvoicedQuantity>
  <cbc:LineExtensionAmount currencyID="COP">${lines[i]!.toFixed(2)}</cbc:LineExtensionAmount>
  <cac:TaxTotal><cbc:TaxAmount currencyID="COP">${round(lines[i]! * invoice.taxRate).toFixed(2)}</cbc:TaxAmount></cac:TaxTotal>
  <cac:Item><cbc:Description>${escapeXml(line.description)}</cbc:Description>
    <cac:SellersItemIdentification><cbc:ID>${line.code}</cbc:ID></cac:SellersItemIdentification></cac:Item>
  <cac:Price><cbc:PriceAmount currencyID="COP">${line.unitPrice.toFixed(2)}</cbc:PriceAmount>
    <cbc:BaseQuantity unitCode="${line.unit}">1</cbc:BaseQuantity></cac:Price>
</cac:InvoiceLine>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" ${NS}>
<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><sts:DianExtensions>
  <sts:InvoiceControl><sts:InvoiceAuthorization>18760000001</sts:InvoiceAuthorization></sts:InvoiceControl>
</sts:DianExtensions></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>
<cbc:UBLVersionID>UBL 2.1</cbc:UBLVersionID>
<cbc:CustomizationID>10</cbc:CustomizationID>
<cbc:ProfileID>DIAN 2.1: Factura Electrónica de Venta</cbc:ProfileID>
<cbc:ID>${invoice.number}</cbc:ID>
<cbc:UUID schemeID="2" schemeName="CUFE-SHA384">${invoice.cufe}</cbc:UUID>
<cbc:IssueDate>${invoice.issueDate}</cbc:IssueDate>
<cbc:IssueTime>10:15:00-05:00</cbc:IssueTime>
<cbc:DueDate>${invoice.dueDate}</cbc:DueDate>
<cbc:InvoiceTypeCode>01</cbc:InvoiceTypeCode>
<cbc:DocumentCurrencyCode>COP</cbc:DocumentCurrencyCode>
<cbc:LineCountNumeric>${invoice.lines.length}</cbc:LineCountNumeric>
${party(invoice.supplier, 'AccountingSupplierParty')}
${party(invoice.customer, 'AccountingCustomerParty')}
<cac:TaxTotal><cbc:TaxAmount currencyID="COP">${tax.toFixed(2)}</cbc:TaxAmount>
  <cac:TaxSubtotal><cbc:TaxableAmount currencyID="COP">${subtotal.toFixed(2)}</cbc:TaxableAmount>
  <cbc:TaxAmount currencyID="COP">${tax.toFixed(2)}</cbc:TaxAmount>
  <cac:TaxCategory><cbc:Percent>${(invoice.taxRate * 100).toFixed(2)}</cbc:Percent>
  <cac:TaxScheme><cbc:ID>01</cbc:ID><cbc:Name>IVA</cbc:Name></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>
</cac:TaxTotal>
<cac:LegalMonetaryTotal>
  <cbc:LineExtensionAmount currencyID="COP">${subtotal.toFixed(2)}</cbc:LineExtensionAmount>
  <cbc:TaxExclusiveAmount currencyID="COP">${subtotal.toFixed(2)}</cbc:TaxExclusiveAmount>
  <cbc:TaxInclusiveAmount currencyID="COP">${total.toFixed(2)}</cbc:TaxInclusiveAmount>
  <cbc:PayableAmount currencyID="COP">${total.toFixed(2)}</cbc:PayableAmount>
</cac:LegalMonetaryTotal>
${items}
</Invoice>`;
}

/** The DIAN `AttachedDocument` a supplier sends: the invoice XML in CDATA, the DIAN's response beside it. */
export function attachedDocument(invoice: DianFixture, inner = dianInvoiceXml(invoice)): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<AttachedDocument xmlns="urn:oasis:names:specification:ubl:schema:xsd:AttachedDocument-2" ${NS}>
<cbc:UBLVersionID>UBL 2.1</cbc:UBLVersionID>
<cbc:CustomizationID>Documentos adjuntos</cbc:CustomizationID>
<cbc:ProfileID>Factura Electrónica de Venta</cbc:ProfileID>
<cbc:ID>${invoice.number}</cbc:ID>
<cbc:IssueDate>${invoice.issueDate}</cbc:IssueDate>
<cbc:DocumentType>Contenedor de Factura Electrónica</cbc:DocumentType>
<cbc:ParentDocumentID>${invoice.number}</cbc:ParentDocumentID>
<cac:SenderParty><cac:PartyTaxScheme><cbc:RegistrationName>${escapeXml(invoice.supplier.name)}</cbc:RegistrationName>
  <cbc:CompanyID schemeID="${invoice.supplier.dv}" schemeName="31">${invoice.supplier.nit}</cbc:CompanyID>
  <cac:TaxScheme><cbc:ID>01</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme></cac:SenderParty>
<cac:Attachment><cac:ExternalReference><cbc:MimeCode>text/xml</cbc:MimeCode>
  <cbc:EncodingCode>UTF-8</cbc:EncodingCode>
  <cbc:Description><![CDATA[${inner}]]></cbc:Description>
</cac:ExternalReference></cac:Attachment>
<cac:ParentDocumentLineReference><cbc:LineID>1</cbc:LineID><cac:DocumentReference>
  <cbc:ID>${invoice.number}</cbc:ID><cbc:UUID schemeName="CUFE-SHA384">${invoice.cufe}</cbc:UUID>
  <cac:Attachment><cac:ExternalReference><cbc:MimeCode>text/xml</cbc:MimeCode>
  <cbc:Description><![CDATA[<?xml version="1.0" encoding="utf-8"?><ApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2" ${NS}><cbc:ID>1</cbc:ID><cac:DocumentResponse><cac:Response><cbc:ResponseCode>02</cbc:ResponseCode><cbc:Description>Documento validado por la DIAN</cbc:Description></cac:Response></cac:DocumentResponse></ApplicationResponse>]]></cbc:Description>
  </cac:ExternalReference></cac:Attachment></cac:DocumentReference>
</cac:ParentDocumentLineReference>
</AttachedDocument>`;
}

/** The printed invoice, as a digital PDF with a text layer (pdf-lib, standard fonts). */
export async function invoicePdf(invoice: DianFixture): Promise<Uint8Array> {
  const { lines, subtotal, tax, total } = amounts(invoice);
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([612, 792]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = 750;
  const write = (text: string, x = 40, size = 10, f = font) => page.drawText(text, { x, y, size, font: f });
  const money = (n: number) => `$ ${n.toLocaleString('es-CO', { minimumFractionDigits: 2 })}`;
  write(invoice.supplier.name, 40, 14, bold);
  y -= 18;
  write(`NIT ${invoice.supplier.nit}-${invoice.supplier.dv}`);
  y -= 24;
  write(`FACTURA ELECTRÓNICA DE VENTA No. ${invoice.number}`, 40, 12, bold);
  y -= 16;
  write(`Fecha de emisión: ${invoice.issueDate}    Fecha de vencimiento: ${invoice.dueDate}`);
  y -= 16;
  write(`Cliente: ${invoice.customer.name}    NIT ${invoice.customer.nit}-${invoice.customer.dv}`);
  y -= 28;
  write('Código', 40, 9, bold);
  write('Descripción', 100, 9, bold);
  write('Cant.', 400, 9, bold);
  write('Valor', 500, 9, bold);
  invoice.lines.forEach((line, i) => {
    y -= 16;
    write(line.code, 40, 8);
    write(line.description.slice(0, 62), 100, 8);
    write(String(line.quantity), 400, 8);
    write(money(lines[i]!), 480, 8);
  });
  y -= 32;
  write(`Subtotal ${money(subtotal)}`, 400);
  y -= 14;
  write(`IVA 19% ${money(tax)}`, 400);
  y -= 14;
  write(`Total ${money(total)}`, 400, 10, bold);
  y -= 28;
  write(`CUFE: ${invoice.cufe.slice(0, 48)}`, 40, 7);
  y -= 10;
  write(invoice.cufe.slice(48), 40, 7);
  return pdf.save();
}

export function zip(files: Record<string, Uint8Array | string>, level: 0 | 6 | 9 = 6): Uint8Array {
  const input: Zippable = {};
  for (const [name, content] of Object.entries(files)) {
    input[name] = [typeof content === 'string' ? strToU8(content) : content, { level }];
  }
  return zipSync(input);
}

/** The DIAN ZIP a supplier emails: `ad<nit>…xml` (AttachedDocument) and the PDF. */
export async function dianZip(invoice: DianFixture): Promise<Uint8Array> {
  return zip({
    [`ad0${invoice.supplier.nit}00025000123.xml`]: attachedDocument(invoice),
    [`fv0${invoice.supplier.nit}00025000123.pdf`]: await invoicePdf(invoice),
  });
}

/** Byte offsets of every central-directory entry (signature PK\1\2) of a ZIP fflate wrote. */
export function centralEntries(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x01 && bytes[i + 3] === 0x02) {
      offsets.push(i);
    }
  }
  return offsets;
}

/** Sets the "encrypted" bit of every entry, in its local header and its central-directory record. */
export function markEncrypted(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (const at of centralEntries(out)) {
    view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
    const local = view.getUint32(at + 42, true);
    view.setUint16(local + 6, view.getUint16(local + 6, true) | 1, true);
  }
  return out;
}

/** Makes every entry declare `size` uncompressed bytes, whatever it really inflates to. */
export function declareSize(bytes: Uint8Array, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (const at of centralEntries(out)) {
    view.setUint32(at + 24, size, true);
    view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
  }
  return out;
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
