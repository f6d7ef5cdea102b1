/** The lexicon's languages besides Spanish (labels/lexicon.ts `Language`: keep the two alike), whose column names this table adds. */
export type ColumnLanguage = 'en' | 'pt' | 'de' | 'fr' | 'it' | 'nl';

/**
 * Column names of line-item tables in the languages the lexicon covers, as data (folded: lower case, no
 * accents). They add to the Spanish and English spellings table-header.ts knows with their OCR variants.
 * A phrase's spaces match any white space and its full stops are optional ("p.u. ht" reads "PU HT" too).
 * Adding a language or a synonym is a change to this table only.
 */
export type TableColumnKind = 'code' | 'description' | 'quantity' | 'unit' | 'unitPrice' | 'amount' | 'other';

export const TABLE_HEADER_LEXICON: Record<ColumnLanguage, Partial<Record<TableColumnKind, string[]>>> = {
  en: {
    description: ['item description', 'description', 'details', 'particulars'],
    quantity: ['qty.', 'qnty', 'quantity', 'hours', 'hrs'],
    unitPrice: ['unit price', 'unit cost', 'price', 'rate'],
    amount: ['line total', 'ext. price', 'extended', 'amount', 'total'],
    unit: ['uom', 'unit'],
    code: ['part no.', 'part number', 'item code', 'item no.', 'sku', 'code'],
    other: ['vat %', 'vat', 'tax %', 'disc. %', 'discount'],
  },
  pt: {
    description: [
      'descricao do produto/servico',
      'descricao do produto',
      'descricao',
      'discriminacao',
      'produto',
    ],
    quantity: ['quantidade', 'qtde.', 'qtd.', 'quant.'],
    unitPrice: ['valor unitario', 'vl. unit.', 'v. unit.', 'preco unitario', 'vlr. unit.'],
    amount: ['valor total', 'vl. total', 'v. total', 'vlr. total', 'valor liquido'],
    unit: ['un.', 'unid.'],
    code: ['codigo do produto', 'cod. prod.', 'cod.'],
    other: [
      'ncm/sh',
      'ncm',
      'cfop',
      'cst',
      'csosn',
      'aliq. icms',
      'aliq. ipi',
      'icms',
      'ipi',
      'bc icms',
      'o/cst',
    ],
  },
  de: {
    description: ['artikelbezeichnung', 'bezeichnung', 'beschreibung', 'leistung', 'artikel'],
    quantity: ['menge', 'anzahl', 'stk.', 'anz.'],
    unitPrice: ['einzelpreis', 'e-preis', 'stuckpreis', 'preis/einheit', 'preis'],
    amount: ['gesamtpreis', 'gesamt', 'betrag', 'summe'],
    unit: ['einheit', 'einh.', 'me'],
    code: ['artikelnummer', 'art.-nr.', 'art.nr.', 'artikel-nr.'],
    other: ['pos.', 'pos', 'ust. %', 'mwst. %', 'ust.', 'mwst.', 'rabatt'],
  },
  fr: {
    description: ['designation', 'description', 'libelle', 'prestation'],
    quantity: ['quantite', 'qte'],
    unitPrice: ['prix unitaire ht', 'prix unitaire', 'p.u. ht', 'pu ht', 'p.u.', 'prix'],
    amount: ['montant ht', 'montant ttc', 'total ht', 'montant', 'total'],
    unit: ['unite', 'u.'],
    code: ['reference', 'ref.', 'code'],
    other: ['tva %', 'tva', 'remise'],
  },
  it: {
    description: ['descrizione', 'oggetto', 'articolo', 'prodotto'],
    quantity: ['quantita', 'q.ta', 'qta'],
    unitPrice: ['prezzo unitario', 'prezzo unit.', 'prezzo'],
    amount: ['importo', 'totale'],
    unit: ['u.m.', 'um', 'unita'],
    code: ['codice', 'cod.'],
    other: ['sconto', 'aliquota iva'],
  },
  nl: {
    description: ['omschrijving', 'beschrijving', 'artikel', 'product'],
    quantity: ['aantal', 'aant.', 'hoeveelheid'],
    unitPrice: ['stukprijs', 'eenheidsprijs', 'prijs per stuk', 'prijs per eenheid', 'prijs', 'tarief'],
    amount: ['regeltotaal', 'bedrag', 'totaal'],
    unit: ['eenheid', 'eenh.'],
    code: ['artikelnummer', 'artikelnr.', 'art.nr.', 'code'],
    other: ['btw %', 'btw', 'korting'],
  },
};

/** The lexicon's names of one column kind as one pattern source (longest first, so "unit price" beats "price"). */
export function tableColumnPattern(kind: TableColumnKind): string {
  const phrases = new Set<string>();
  for (const columns of Object.values(TABLE_HEADER_LEXICON))
    for (const p of columns[kind] ?? []) phrases.add(p);
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) =>
      phrase
        .replace(/[\\^$*+?()[\]{}|/]/g, (c) => `\\${c}`)
        .replace(/\./g, '\\.?')
        .replace(/ /g, '\\s*'),
    )
    .join('|');
}
