import { emptyInvoice, type Invoice } from '../../../contract/result.ts';
import type { Mapped } from './mapped.ts';
import { all, at, attr, decimal, isoDate, sum, textAt } from './xml-tree.ts';

/**
 * Brazilian NF-e / NFC-e (`nfeProc` with the authorisation, or a bare `NFe`): number `ide/nNF`, the 44-digit
 * access key as the fiscal id, issuer and recipient CNPJ (or CPF), lines from `det/prod`.
 *
 * Amounts: `subtotal` is the products' value (`vProd`), `total` the note's (`vNF`). ICMS, PIS and COFINS are
 * inside the prices in Brazil, so `tax` holds only the taxes added on top of them (ICMS-ST, FCP-ST, IPI,
 * import tax), which is what makes `vNF` = products - discounts + freight, insurance, other + those taxes.
 * `withholdings` sums the federal withholdings (`retTrib`). A *devolução* (`finNFe` 4) is a credit note.
 */
export function mapNfe(root: unknown, rootName: 'nfeProc' | 'NFe'): Mapped {
  const nfe = rootName === 'nfeProc' ? at(root, 'NFe') : root;
  const info = at(nfe, 'infNFe');
  const ide = at(info, 'ide');
  const totals = at(info, 'total', 'ICMSTot');
  const money = (name: string) => decimal(textAt(totals, name));

  const invoice: Invoice = emptyInvoice();
  invoice.number = textAt(ide, 'nNF');
  const keyFromId = attr(info, 'Id')?.replace(/^NFe/i, '') ?? null;
  invoice.cufe =
    textAt(root, 'protNFe', 'infProt', 'chNFe') ??
    (keyFromId && /^\d{44}$/.test(keyFromId) ? keyFromId : null);
  invoice.issueDate = isoDate(textAt(ide, 'dhEmi') ?? textAt(ide, 'dEmi'));
  invoice.supplier = party(at(info, 'emit'));
  invoice.customer = party(at(info, 'dest'));
  invoice.currency = 'BRL';
  const products = money('vProd');
  invoice.subtotal = products;
  invoice.tax = sum([money('vST'), money('vFCPST'), money('vIPI'), money('vII'), money('vIPIDevol')]);
  const withheld = at(info, 'total', 'retTrib');
  invoice.withholdings = sum(
    ['vRetPIS', 'vRetCOFINS', 'vRetCSLL', 'vIRRF', 'vRetPrev'].map((n) => decimal(textAt(withheld, n))),
  );
  invoice.total = money('vNF');
  invoice.lines = all(info, 'det').map((det) => {
    const prod = at(det, 'prod');
    return {
      code: textAt(prod, 'cProd'),
      description: textAt(prod, 'xProd'),
      quantity: decimal(textAt(prod, 'qCom')),
      unit: textAt(prod, 'uCom'),
      unitPrice: decimal(textAt(prod, 'vUnCom')),
      amount: decimal(textAt(prod, 'vProd')),
    };
  });
  return {
    invoice,
    documentKind: textAt(ide, 'finNFe') === '4' ? 'credit_note' : 'invoice',
    lineTotal: products,
    taxBasis: null,
    allowances: sum([money('vDesc'), money('vICMSDeson')]),
    charges: sum([money('vFrete'), money('vSeg'), money('vOutro')]),
  };
}

function party(node: unknown): Invoice['supplier'] {
  return {
    name: textAt(node, 'xNome'),
    taxId: textAt(node, 'CNPJ') ?? textAt(node, 'CPF') ?? textAt(node, 'idEstrangeiro'),
  };
}
