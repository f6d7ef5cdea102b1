import type { ClassLabel } from '../../src/contract/result.ts';
import { type Company, randomCustomer, randomSupplier } from './companies.ts';
import { addDays, roundCents } from './format.ts';
import { randomLocaleCompany } from './locale-companies.ts';
import { fillPattern } from './locale-template.ts';
import type { Locale } from './locales/types.ts';
import type { Random } from './random.ts';
import { draftLines, draftRemarks, type LineDraft } from './services.ts';

/** One line as printed and as the truth keeps it. */
export interface InvoiceLine {
  code: string | null;
  description: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  amount: number;
  taxRate: number;
}

export interface TaxRow {
  rate: number;
  base: number;
  amount: number;
}

export interface Withholding {
  kind: 'retefuente' | 'reteica' | 'reteiva';
  /** Rate as a fraction; ReteICA is quoted "por mil" on the invoice. */
  rate: number;
  amount: number;
}

/**
 * The facts of one invoice, before any layout decides how to print them.
 * Totals: `total` = subtotal + tax (the grand total BEFORE withholdings) and is the truth's `total`;
 * withholdings are kept apart (truth `withholdings`, null when none) and the printed "Neto a pagar" is
 * total - withholdings.
 */
export interface InvoiceData {
  label: ClassLabel;
  number: string;
  numberPrefix: string;
  cufe: string | null;
  issueDate: string;
  dueDate: string | null;
  paymentTerms: string;
  purchaseOrder: string | null;
  supplier: Company;
  customer: Company;
  /** ISO 4217 code. */
  currency: string;
  lines: InvoiceLine[];
  subtotal: number;
  taxes: TaxRow[];
  tax: number;
  withholdingRows: Withholding[];
  withholdings: number | null;
  total: number;
  net: number;
  remarks: string | null;
  /** The legal line at the foot: the DIAN resolution in Colombia, a locale's legal note elsewhere. */
  resolution: string;
  /** Whether amounts carry cents; when false every amount is a whole number. */
  cents: boolean;
}

export interface InvoiceDataOptions {
  label: ClassLabel;
  lineCount: number;
  currency: string;
  cents: boolean;
  /** Another country's invoice (tax, numbering, parties); absent for the original Colombian one. */
  locale?: Locale;
  /** Codes printed for the lines (layouts without a code column pass false, and the truth code is null). */
  codes: boolean;
}

const UNIT_WORDS: Record<LineDraft['unit'], string[]> = {
  service: ['UND', 'SRV', 'Und', 'UN', 'SERV', 'Unidad'],
  piece: ['UND', 'Und', 'UN', 'PZA', 'Unidad', 'u'],
  hour: ['HR', 'Hora', 'HH', 'H', 'Horas'],
  gallon: ['GL', 'Galón', 'GAL'],
  kilo: ['KG', 'Kg', 'kg'],
  box: ['CAJA', 'Caja', 'CJ'],
  global: ['GLB', 'Global', 'GL', 'UND'],
  trip: ['VIAJE', 'Viaje', 'UND', 'SRV'],
};

function invoiceNumber(rng: Random): { number: string; prefix: string } {
  const kind = rng.int(0, 6);
  const n = rng.int(1, 99_999);
  switch (kind) {
    case 0:
      return { number: `FE-${rng.int(100, 9999)}`, prefix: 'FE' };
    case 1:
      return { number: `SETP99${String(rng.int(0, 9_999_999)).padStart(7, '0')}`, prefix: 'SETP' };
    case 2:
      return { number: `FV ${String(n).padStart(5, '0')}`, prefix: 'FV' };
    case 3:
      return { number: `A-${String(n).padStart(6, '0')}`, prefix: 'A' };
    case 4:
      return { number: `FEV${rng.int(1000, 99999)}`, prefix: 'FEV' };
    case 5:
      return { number: `FVE-${rng.int(2024, 2026)}-${String(n).padStart(5, '0')}`, prefix: 'FVE' };
    default:
      return { number: `MT${rng.int(10, 9999)}`, prefix: 'MT' };
  }
}

function purchaseOrder(rng: Random): string | null {
  if (rng.chance(0.3)) return null;
  return rng.pick([
    `OC-${rng.int(1000, 99999)}`,
    `45000${rng.digits(5)}`,
    `PED-${rng.int(100, 9999)}`,
    `OC ${rng.int(2025, 2026)}-${String(rng.int(1, 999)).padStart(3, '0')}`,
    `${rng.int(10000, 999999)}`,
  ]);
}

function lineCode(rng: Random, draft: LineDraft, scheme: number, index: number): string {
  switch (scheme) {
    case 0:
      return `${draft.kind === 'part' ? 'REP' : draft.kind === 'labour' ? 'MO' : draft.kind === 'service' ? 'SRV' : 'OT'}-${rng.int(100, 999)}`;
    case 1:
      return String(rng.int(10000, 99999));
    case 2:
      return `P-${String(rng.int(1, 9999)).padStart(5, '0')}`;
    default:
      return `${String(index + 1).padStart(3, '0')}${rng.pick(['A', 'B', 'C', 'S'])}`;
  }
}

function scaled(value: number, options: InvoiceDataOptions, rng: Random): number {
  const inCurrency = options.locale
    ? value / options.locale.perCop
    : options.currency === 'USD'
      ? value / 4000
      : value;
  if (!options.cents) return Math.max(1, Math.round(inCurrency));
  // COP invoices with cents mostly still have whole prices, as in real life; some carry real cents.
  return roundCents(rng.chance(0.4) ? inCurrency + rng.int(1, 99) / 100 : inCurrency);
}

function taxRows(lines: InvoiceLine[], cents: boolean): TaxRow[] {
  const byRate = new Map<number, number>();
  for (const line of lines)
    byRate.set(line.taxRate, roundCents((byRate.get(line.taxRate) ?? 0) + line.amount));
  return [...byRate.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([rate, base]) => ({
      rate,
      base,
      amount: cents ? roundCents(base * rate) : Math.round(base * rate),
    }));
}

/** The tax rate of a line: Colombian IVA, or the locale's rate with its reduced rate on parts. */
function rateOf(
  taxMode: 'standard' | 'exempt' | 'mixed',
  kind: LineDraft['kind'],
  locale: Locale | undefined,
  localeRate: number,
): number {
  if (locale) return taxMode === 'mixed' && kind === 'part' ? (locale.reducedRate ?? localeRate) : localeRate;
  return taxMode === 'standard' ? 0.19 : taxMode === 'exempt' ? 0 : kind === 'part' ? 0.05 : 0.19;
}

export function buildInvoiceData(rng: Random, options: InvoiceDataOptions): InvoiceData {
  const { locale } = options;
  const colombian = locale ? null : invoiceNumber(rng);
  const issueDate = addDays('2025-01-01', rng.int(0, 640));
  const { number, prefix } = colombian ?? {
    number: fillPattern(rng, rng.pick(locale?.numberPatterns ?? ['{n5}']), { year: issueDate.slice(0, 4) }),
    prefix: '',
  };
  const creditDays = rng.pick([0, 8, 15, 30, 30, 45, 60]);
  const dueDate = rng.chance(0.2) ? null : addDays(issueDate, creditDays);
  const taxMode = rng.weighted([
    ['standard', 8],
    ['exempt', 1],
    ['mixed', locale?.reducedRate === null ? 0 : 1.5],
  ] as const);
  const localeRate = locale ? rng.weighted(locale.taxRates) : 0;
  const codeScheme = rng.int(0, 3);
  const blankServiceCodes = rng.chance(0.1);
  const unitChoice = rng.int(0, 5);
  // Some billing systems print every description in capitals; the truth keeps what is printed.
  const upperDescriptions = rng.chance(0.15);
  const drafts = draftLines(rng, options.label, options.lineCount, locale?.services);
  const lines: InvoiceLine[] = drafts.map((draft, index) => {
    const quantity =
      options.cents && draft.unit === 'hour' && rng.chance(0.25) ? rng.int(2, 20) + 0.5 : draft.quantity;
    const unitPrice = scaled(draft.unitPrice, options, rng);
    const words = (locale?.units ?? UNIT_WORDS)[draft.unit];
    const rate = rateOf(taxMode, draft.kind, locale, localeRate);
    return {
      code:
        !options.codes || (blankServiceCodes && draft.kind !== 'part')
          ? null
          : lineCode(rng, draft, codeScheme, index),
      description: upperDescriptions ? draft.description.toUpperCase() : draft.description,
      quantity,
      unit: words[unitChoice % words.length] as string,
      unitPrice,
      amount: roundCents(quantity * unitPrice),
      taxRate: rate,
    };
  });
  const subtotal = roundCents(lines.reduce((sum, line) => sum + line.amount, 0));
  const taxes = taxRows(lines, options.cents);
  const tax = roundCents(taxes.reduce((sum, row) => sum + row.amount, 0));
  const total = roundCents(subtotal + tax);
  const withholdingRows: Withholding[] = [];
  // Withholdings (ReteFuente, ReteICA, ReteIVA) are Colombian: other countries' invoices have none.
  if (!locale && rng.chance(0.3)) {
    const round = (value: number) => (options.cents ? roundCents(value) : Math.round(value));
    const fuenteRate = rng.pick([0.04, 0.025, 0.035, 0.06]);
    withholdingRows.push({ kind: 'retefuente', rate: fuenteRate, amount: round(subtotal * fuenteRate) });
    if (rng.chance(0.5)) {
      const icaRate = rng.pick([0.00966, 0.0069, 0.01104]);
      withholdingRows.push({ kind: 'reteica', rate: icaRate, amount: round(subtotal * icaRate) });
    }
    if (tax > 0 && rng.chance(0.2))
      withholdingRows.push({ kind: 'reteiva', rate: 0.15, amount: round(tax * 0.15) });
  }
  const withholdings = withholdingRows.length
    ? roundCents(withholdingRows.reduce((sum, row) => sum + row.amount, 0))
    : null;
  if (locale) return localeFacts(rng, locale, options, { number, issueDate, dueDate, creditDays, lines });
  const resolutionDate = addDays(issueDate, -rng.int(30, 500));
  const resolutionFrom = rng.int(1, 1000);
  return {
    label: options.label,
    number,
    numberPrefix: prefix,
    cufe: rng.chance(0.55) ? rng.hex(96) : null,
    issueDate,
    dueDate,
    paymentTerms:
      creditDays === 0
        ? rng.pick(['Contado', 'De contado'])
        : rng.pick([`Crédito ${creditDays} días`, `${creditDays} días`, 'Crédito']),
    purchaseOrder: purchaseOrder(rng),
    supplier: randomSupplier(rng),
    customer: randomCustomer(rng),
    currency: options.currency,
    lines,
    subtotal,
    taxes,
    tax,
    withholdingRows,
    withholdings,
    total,
    net: roundCents(total - (withholdings ?? 0)),
    remarks: draftRemarks(rng, options.label),
    resolution: `Resolución DIAN No. 1876${rng.digits(10)} del ${resolutionDate}, numeración ${prefix}${resolutionFrom} al ${prefix}${resolutionFrom + rng.pick([5000, 10000, 50000])}, vigencia ${rng.pick([12, 18, 24])} meses`,
    cents: options.cents,
  };
}

/** Remarks keep their class cues; Colombian bank and commercial-code boilerplate does not travel. */
function withoutColombianBoilerplate(remarks: string | null): string | null {
  if (remarks === null) return null;
  const kept = remarks
    .replace(/Favor consignar en la cuenta de ahorros Bancolombia No\. [\d-]+\./, '')
    .replace(/Esta factura se asimila en todos sus efectos[^)]*\)\./, '')
    .trim();
  return kept || null;
}

/** The rest of another country's invoice: no CUFE, no withholdings, its own parties, terms and legal note. */
function localeFacts(
  rng: Random,
  locale: Locale,
  options: InvoiceDataOptions,
  facts: {
    number: string;
    issueDate: string;
    dueDate: string | null;
    creditDays: number;
    lines: InvoiceLine[];
  },
): InvoiceData {
  const { lines } = facts;
  const subtotal = roundCents(lines.reduce((sum, line) => sum + line.amount, 0));
  const taxes = taxRows(lines, options.cents);
  const tax = roundCents(taxes.reduce((sum, row) => sum + row.amount, 0));
  const total = roundCents(subtotal + tax);
  const terms =
    facts.creditDays === 0
      ? rng.pick(locale.cashTerms)
      : rng.pick(locale.paymentTerms).replace('{d}', String(facts.creditDays));
  return {
    label: options.label,
    number: facts.number,
    numberPrefix: '',
    cufe: null,
    issueDate: facts.issueDate,
    dueDate: facts.dueDate,
    paymentTerms: terms,
    purchaseOrder: rng.chance(0.35)
      ? null
      : fillPattern(rng, rng.pick(locale.orderPatterns), { year: facts.issueDate.slice(0, 4) }),
    supplier: randomLocaleCompany(rng, locale, 'supplier'),
    customer: randomLocaleCompany(rng, locale, 'customer'),
    currency: options.currency,
    lines,
    subtotal,
    taxes,
    tax,
    withholdingRows: [],
    withholdings: null,
    total,
    net: total,
    remarks: withoutColombianBoilerplate(draftRemarks(rng, options.label, locale.services, locale.months)),
    resolution: fillPattern(rng, rng.pick(locale.legalNotes), { date: addDays(facts.issueDate, 10) }),
    cents: options.cents,
  };
}
