/**
 * Which language a page read by the Spanish model is really in, from the words that model read: invoice
 * vocabulary and short function words per language, as data. Read by the Spanish model, a German, French,
 * Portuguese, Italian, Dutch or English page loses its own letters (ä, é, ç, ã...) and with them names and
 * words; read again with its own model first (and Spanish second, for the digits and the Spanish words such
 * invoices also carry), it reads them.
 *
 * Words are compared folded (lower case, no accents: the Spanish model's accents are the unreliable part), and
 * each marker counts once per page however often it appears, so that one repeated word decides nothing.
 */

/** tesseract model codes this module can name. */
export type OcrLanguage = 'spa' | 'eng' | 'deu' | 'fra' | 'por' | 'ita' | 'nld';

/** Words that, between them, tell one invoice language from the others. A word shared by two counts for both. */
const MARKERS: Readonly<Record<OcrLanguage, readonly string[]>> = {
  spa: [
    'factura',
    'fecha',
    'cliente',
    'cantidad',
    'descripcion',
    'precio',
    'unitario',
    'importe',
    'valor',
    'vencimiento',
    'pago',
    'forma',
    'direccion',
    'telefono',
    'ciudad',
    'senores',
    'venta',
    'retencion',
    'nit',
    'condiciones',
    'observaciones',
    'cuenta',
    'base',
    'imponible',
    'proveedor',
    'orden',
    'compra',
    'y',
    'el',
    'los',
    'las',
    'para',
    'con',
    'por',
    'calle',
    'pedido',
    'unidad',
    'del',
    'la',
    'cuit',
    'rfc',
    'emision',
  ],
  eng: [
    'invoice',
    'date',
    'bill',
    'ship',
    'amount',
    'quantity',
    'qty',
    'description',
    'price',
    'due',
    'payment',
    'terms',
    'customer',
    'balance',
    'number',
    'order',
    'tax',
    'thank',
    'please',
    'account',
    'unit',
    'the',
    'and',
    'of',
    'to',
    'for',
    'your',
    'with',
    'within',
    'days',
    'street',
    'sales',
    'purchase',
    'reference',
  ],
  deu: [
    'rechnung',
    'rechnungsnummer',
    'rechnungsdatum',
    'datum',
    'kunde',
    'kundennummer',
    'menge',
    'einzelpreis',
    'gesamtpreis',
    'betrag',
    'gesamtbetrag',
    'mwst',
    'ust',
    'zahlbar',
    'bezeichnung',
    'artikel',
    'netto',
    'brutto',
    'summe',
    'lieferung',
    'bankverbindung',
    'steuernummer',
    'gmbh',
    'strasse',
    'und',
    'der',
    'die',
    'das',
    'bitte',
    'zahlungsbedingungen',
    'tage',
    'ohne',
    'abzug',
    'nach',
    'auftrag',
    'bestellung',
    'stk',
  ],
  fra: [
    'facture',
    'client',
    'quantite',
    'designation',
    'prix',
    'montant',
    'tva',
    'ttc',
    'ht',
    'echeance',
    'reglement',
    'paiement',
    'siret',
    'siren',
    'sarl',
    'rue',
    'payer',
    'le',
    'les',
    'des',
    'du',
    'et',
    'au',
    'par',
    'commande',
    'conditions',
    'jours',
    'intracommunautaire',
    'unitaire',
    'libelle',
  ],
  por: [
    'fatura',
    'nota',
    'fiscal',
    'emissao',
    'valor',
    'cnpj',
    'cpf',
    'quantidade',
    'descricao',
    'servicos',
    'servico',
    'ltda',
    'pagamento',
    'vencimento',
    'rua',
    'do',
    'da',
    'dos',
    'das',
    'nao',
    'municipio',
    'tomador',
    'prestador',
    'unitario',
    'pedido',
    'cliente',
    'data',
    'icms',
    'iss',
    'endereco',
  ],
  ita: [
    'fattura',
    'data',
    'cliente',
    'quantita',
    'descrizione',
    'prezzo',
    'importo',
    'imponibile',
    'iva',
    'partita',
    'codice',
    'fiscale',
    'totale',
    'pagamento',
    'scadenza',
    'srl',
    'via',
    'del',
    'della',
    'di',
    'il',
    'per',
    'documento',
    'ordine',
    'unitario',
    'sede',
    'bonifico',
    'spett',
    'aliquota',
  ],
  nld: [
    'factuur',
    'factuurnummer',
    'factuurdatum',
    'datum',
    'klant',
    'aantal',
    'omschrijving',
    'prijs',
    'bedrag',
    'btw',
    'totaal',
    'betaling',
    'vervaldatum',
    'kvk',
    'het',
    'een',
    'van',
    'te',
    'betalen',
    'excl',
    'incl',
    'op',
    'bestelling',
    'dagen',
    'binnen',
    'straat',
    'bv',
  ],
};

const INDEX: ReadonlyMap<string, readonly OcrLanguage[]> = (() => {
  const index = new Map<string, OcrLanguage[]>();
  for (const [language, words] of Object.entries(MARKERS) as [OcrLanguage, readonly string[]][]) {
    for (const word of words) index.set(word, [...(index.get(word) ?? []), language]);
  }
  return index;
})();

/** Distinct markers a page must show, and how many more than Spanish, before it is read again. */
const MIN_MARKERS = 4;
const MARGIN_OVER_SPANISH = 3;

/** Distinct marker words per language among `words` (as read). */
export function languageMarkers(words: Iterable<string>): Map<OcrLanguage, number> {
  const seen = new Set<string>();
  for (const word of words) {
    for (const token of fold(word).split(/[^a-z]+/)) if (INDEX.has(token)) seen.add(token);
  }
  const counts = new Map<OcrLanguage, number>();
  for (const token of seen) {
    for (const language of INDEX.get(token)!) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  return counts;
}

/**
 * The model to read the page again with, first, when the words the Spanish model read show another language
 * clearly (at least MIN_MARKERS of its markers, MARGIN_OVER_SPANISH more than Spanish's and more than any
 * other's); null for a Spanish page, a page with too few words to tell, or a tie.
 */
export function otherLanguageOf(words: Iterable<string>): Exclude<OcrLanguage, 'spa'> | null {
  const counts = languageMarkers(words);
  const spanish = counts.get('spa') ?? 0;
  let best: Exclude<OcrLanguage, 'spa'> | null = null;
  let bestCount = 0;
  let tie = false;
  for (const [language, count] of counts) {
    if (language === 'spa') continue;
    if (count > bestCount) {
      best = language;
      bestCount = count;
      tie = false;
    } else if (count === bestCount) tie = true;
  }
  if (!best || tie || bestCount < MIN_MARKERS || bestCount < spanish + MARGIN_OVER_SPANISH) return null;
  return best;
}

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');
}
