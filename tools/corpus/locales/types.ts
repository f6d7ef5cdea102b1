import type { DateStyle, NumberStyle } from '../format.ts';
import type { LineDraft, ServiceVocabulary } from '../services.ts';

/** A national tax id scheme the generator can draw with valid check digits (see national-ids.ts). */
export type NationalIdKind =
  | 'nif'
  | 'vat-de'
  | 'vat-fr'
  | 'vat-it'
  | 'vat-nl'
  | 'vat-gb'
  | 'rfc'
  | 'cuit'
  | 'cnpj'
  | 'ein';

/** Fixed words the layouts print besides the labels of `PrintStyle` (es-CO holds the original Spanish). */
export interface LayoutWords {
  address: string;
  addressShort: string;
  city: string;
  phone: string;
  phoneShort: string;
  email: string;
  currency: string;
  /** What `customer-first` prints above the customer (or the customer label). */
  salutations: string[];
  /** Labels of the customer's name in `dian-classic`. */
  customerName: string[];
  /** The supplier's tax regime line under its address in `dian-classic`. */
  taxRegime: string[];
  /** The note beside the running header of a continuation page. */
  continued: string[];
  continuedShort: string;
  item: string;
  itemShort: string;
  itemNumber: string;
  /** Titles of the customer's box in `logo-header` (besides the customer label in capitals). */
  buyerTitles: string[];
  /** Headings of the customer in `sidebar` (besides the customer label). */
  billTo: string[];
  taglines: string[];
  /** The closing line of a `ticket`. */
  thanks: string[];
  page: string;
  pageOf: string;
  pageShort: string;
  /** Header of the per-line tax rate column. */
  taxRateColumn: string;
  /** After the 0 % tax row. */
  exempt: string;
  /** Labels of the amount in words; printed only when `spellsAmount`. */
  inWords: string[];
  spellsAmount: boolean;
  /** Lower-case words that, inside the number label, already say "invoice" (so no separate title). */
  titleWords: string[];
}

/** The labels of `PrintStyle.labels` a locale varies, each a list of synonyms drawn at random. */
export interface LocaleLabels {
  title: string[];
  number: string[];
  issueDate: string[];
  dueDate: string[];
  purchaseOrder: string[];
  taxId: string[];
  customer: string[];
  supplier: string[];
  paymentTerms: string[];
  remarks: string[];
  subtotal: string[];
  /** The tax name, printed before its rate ("MwSt." + " 19%"). */
  tax: string[];
  total: string[];
}

export interface LocaleColumns {
  code: string[];
  description: string[];
  quantity: string[];
  unit: string[];
  unitPrice: string[];
  amount: string[];
}

/** How one country's invoices look: wording, formats, tax, numbering, parties. Pure data. */
export interface Locale {
  code: string;
  /** ISO 4217 code: the truth's currency. */
  currency: string;
  /** Printed currency sign (`€`, `$`, `£`, `R$`). */
  sign: string;
  /** Where the sign goes, weighted: before (`€ 1.234,56`, `$1,234.56`), after (`1.234,56 €`) or the ISO code. */
  signPlacement: [
    placement: 'before' | 'before-space' | 'after' | 'code-before' | 'code-after' | 'none',
    weight: number,
  ][];
  /** Number formats, weighted. */
  numbers: [style: NumberStyle, weight: number][];
  /** Share of invoices with cents. */
  cents: number;
  /** Prices are drawn in COP; this divides them into the currency. */
  perCop: number;
  dates: [style: DateStyle, weight: number][];
  /** Month names, January first. */
  months: string[];
  labels: LocaleLabels;
  columns: LocaleColumns;
  words: LayoutWords;
  /** Tax rates (fractions) with weights; an invoice uses one rate, or two when `mixedRate` is drawn. */
  taxRates: [rate: number, weight: number][];
  /** A reduced rate some invoices apply to parts (mixed invoices), or null. */
  reducedRate: number | null;
  /** Invoice number patterns: `{Y}` year, `{n3}`..`{n8}` zero-padded number, `{d4}` free digits. */
  numberPatterns: string[];
  /** Purchase order patterns, same placeholders. */
  orderPatterns: string[];
  /** Payment terms; `{d}` is the number of days. */
  paymentTerms: string[];
  cashTerms: string[];
  /** Legal notes printed at the foot instead of the DIAN resolution. */
  legalNotes: string[];
  taxId: NationalIdKind;
  units: Record<LineDraft['unit'], string[]>;
  /** What the line items and remarks say, in the locale's language (`services-<language>.ts`). */
  services: ServiceVocabulary;
  companies: {
    suppliers: string[];
    customers: string[];
    legalForms: string[];
    streets: string[];
    /** `{street}` and `{n}`: `{street} {n}`, `{n} {street}`, `{street}, {n}`. */
    addressFormats: string[];
    cities: string[];
    phones: string[];
    domains: string[];
  };
}
