import { emptyInvoice, type Invoice } from '../../../contract/result.ts';
import type { Mapped } from './mapped.ts';
import { all, at, attr, decimal, isoDate } from './xml-tree.ts';

/**
 * Mexican CFDI 3.3 / 4.0 (`cfdi:Comprobante`; 3.2's lower-case attributes are read too). The number is
 * `Serie-Folio` (either alone when the other is absent), the fiscal id the SAT stamp's UUID
 * (`TimbreFiscalDigital`), amounts the comprobante's `SubTotal`, `Descuento`, transferred and withheld taxes
 * and `Total`. An *egreso* (`TipoDeComprobante="E"`) is a credit note.
 */
export function mapCfdi(root: unknown): Mapped {
  const invoice: Invoice = emptyInvoice();
  const serie = attr(root, 'Serie');
  const folio = attr(root, 'Folio');
  invoice.number = serie && folio ? `${serie}-${folio}` : (folio ?? serie);
  invoice.cufe = attr(all(root, 'Complemento', 'TimbreFiscalDigital')[0], 'UUID');
  invoice.issueDate = isoDate(attr(root, 'Fecha'));
  const emisor = at(root, 'Emisor');
  const receptor = at(root, 'Receptor');
  invoice.supplier = { name: attr(emisor, 'Nombre'), taxId: attr(emisor, 'Rfc') };
  invoice.customer = { name: attr(receptor, 'Nombre'), taxId: attr(receptor, 'Rfc') };
  const currency = attr(root, 'Moneda');
  // XXX is "no currency" (payment and transfer receipts).
  invoice.currency = currency === 'XXX' ? null : currency;
  const subtotal = decimal(attr(root, 'SubTotal'));
  const taxes = at(root, 'Impuestos');
  invoice.subtotal = subtotal;
  invoice.tax = decimal(attr(taxes, 'TotalImpuestosTrasladados'));
  invoice.withholdings = decimal(attr(taxes, 'TotalImpuestosRetenidos'));
  invoice.total = decimal(attr(root, 'Total'));
  invoice.lines = all(root, 'Conceptos', 'Concepto').map((concept) => ({
    code: attr(concept, 'NoIdentificacion') ?? attr(concept, 'ClaveProdServ'),
    description: attr(concept, 'Descripcion'),
    quantity: decimal(attr(concept, 'Cantidad')),
    unit: attr(concept, 'ClaveUnidad') ?? attr(concept, 'Unidad'),
    unitPrice: decimal(attr(concept, 'ValorUnitario')),
    amount: decimal(attr(concept, 'Importe')),
  }));
  return {
    invoice,
    documentKind: attr(root, 'TipoDeComprobante')?.toUpperCase() === 'E' ? 'credit_note' : 'invoice',
    lineTotal: subtotal,
    taxBasis: null,
    allowances: decimal(attr(root, 'Descuento')),
    charges: null,
    // Total = SubTotal - Descuento + traslados - retenciones.
    otherAdditions: invoice.withholdings === null ? null : -invoice.withholdings,
  };
}
