import type { InvoiceResult, LineItem } from '../contract/result.ts';

/**
 * Scores pipeline results against a folder's `truth.json` (file name → expected values), compared the way
 * the real-invoice sets define: numbers group-wise without leading zeros, tax ids by their digits and
 * letters, ISO dates, totals and line amounts to the cent.
 */
export interface TruthEntry {
  number: string | null;
  issueDate: string | null;
  total: number | null;
  currency?: string | null;
  supplierTaxId?: string | null;
  customerTaxId?: string | null;
  lines?: {
    description?: string | null;
    quantity?: number | null;
    unitPrice?: number | null;
    amount?: number | null;
  }[];
}

export interface FieldScore {
  right: number;
  /** Documents whose truth has the field. */
  of: number;
  /** Wrong values the extractor was sure of (confidence at or above the review threshold). */
  wrongUnflagged: number;
}

export interface FolderScore {
  documents: number;
  quarantined: number;
  /** Documents the service would send to Revisión (class or extraction). */
  review: number;
  fields: Record<'number' | 'issueDate' | 'total' | 'supplierTaxId' | 'customerTaxId', FieldScore>;
  /** Number, date and total all right. */
  allThree: number;
  lines: { documents: number; precision: number; recall: number; f1: number } | null;
  /** `unflagged`: a value at or above the review threshold (it would load without a question). */
  misses: { file: string; field: string; expected: unknown; got: unknown; unflagged: boolean }[];
}

export const numberGroups = (s: string | null | undefined): string =>
  (s ?? '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((g) => g.replace(/^0+(?=.)/, '').toUpperCase())
    .join('-');
export const taxIdKey = (s: string | null | undefined): string =>
  (s ?? '').replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
const cents = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n * 100));

type FieldName = keyof FolderScore['fields'];
const FIELD_CONFIDENCE: Record<FieldName, string> = {
  number: 'number',
  issueDate: 'issueDate',
  total: 'total',
  supplierTaxId: 'supplierTaxId',
  customerTaxId: 'customerTaxId',
};

function fieldRight(field: FieldName, truth: TruthEntry, result: InvoiceResult): boolean {
  const inv = result.invoice;
  if (!inv) return false;
  switch (field) {
    case 'number':
      return numberGroups(inv.number) !== '' && numberGroups(inv.number) === numberGroups(truth.number);
    case 'issueDate':
      return inv.issueDate === truth.issueDate;
    case 'total':
      return cents(inv.total) !== null && cents(inv.total) === cents(truth.total);
    case 'supplierTaxId':
      return taxIdKey(inv.supplier.taxId) === taxIdKey(truth.supplierTaxId);
    case 'customerTaxId':
      return taxIdKey(inv.customer.taxId) === taxIdKey(truth.customerTaxId);
  }
}

function got(field: FieldName, result: InvoiceResult): unknown {
  const inv = result.invoice;
  if (!inv) return result.error?.code ?? null;
  if (field === 'supplierTaxId') return inv.supplier.taxId;
  if (field === 'customerTaxId') return inv.customer.taxId;
  return inv[field];
}

/** A line matches a truth line when its amount agrees to the cent and its quantity (where both have one). */
function lineMatches(line: LineItem, truth: NonNullable<TruthEntry['lines']>[number]): boolean {
  if (cents(line.amount) === null || cents(line.amount) !== cents(truth.amount)) return false;
  if (truth.quantity !== null && truth.quantity !== undefined && line.quantity !== null)
    return Math.abs(line.quantity - truth.quantity) < 1e-6;
  return true;
}

export function scoreFolder(
  items: { file: string; truth: TruthEntry; result: InvoiceResult; review: boolean }[],
  reviewThreshold: number,
): FolderScore {
  const fields = Object.fromEntries(
    (Object.keys(FIELD_CONFIDENCE) as FieldName[]).map((f) => [f, { right: 0, of: 0, wrongUnflagged: 0 }]),
  ) as FolderScore['fields'];
  const misses: FolderScore['misses'] = [];
  let allThree = 0;
  let linesDocs = 0;
  let tp = 0;
  let predicted = 0;
  let expected = 0;
  for (const { file, truth, result } of items) {
    for (const field of Object.keys(FIELD_CONFIDENCE) as FieldName[]) {
      const want = field === 'supplierTaxId' || field === 'customerTaxId' ? truth[field] : truth[field];
      if (want === null || want === undefined) continue;
      fields[field].of++;
      if (fieldRight(field, truth, result)) fields[field].right++;
      else {
        const confidence = result.confidence[FIELD_CONFIDENCE[field]] ?? 0;
        const unflagged = got(field, result) !== null && confidence >= reviewThreshold;
        if (unflagged) fields[field].wrongUnflagged++;
        misses.push({ file, field, expected: want, got: got(field, result), unflagged });
      }
    }
    if (
      fieldRight('number', truth, result) &&
      fieldRight('issueDate', truth, result) &&
      fieldRight('total', truth, result)
    )
      allThree++;
    if (truth.lines && truth.lines.length > 0) {
      linesDocs++;
      const lines = result.invoice?.lines ?? [];
      predicted += lines.length;
      expected += truth.lines.length;
      const used = new Set<number>();
      for (const t of truth.lines) {
        const i = lines.findIndex((l, k) => !used.has(k) && lineMatches(l, t));
        if (i >= 0) {
          used.add(i);
          tp++;
        }
      }
    }
  }
  const precision = predicted ? tp / predicted : 0;
  const recall = expected ? tp / expected : 0;
  return {
    documents: items.length,
    quarantined: items.filter((i) => i.result.status === 'quarantined').length,
    review: items.filter((i) => i.review).length,
    fields,
    allThree,
    lines: linesDocs
      ? {
          documents: linesDocs,
          precision,
          recall,
          f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
        }
      : null,
    misses,
  };
}

const pct = (right: number, of: number) =>
  of ? `${((100 * right) / of).toFixed(0)}% (${right}/${of})` : '—';

export function formatTruthReport(folders: [string, FolderScore][]): string {
  const sum = (pick: (f: FolderScore) => number) => folders.reduce((s, [, f]) => s + pick(f), 0);
  const rows: string[][] = [
    [
      'carpeta',
      'docs',
      'número',
      'fecha',
      'total',
      'los tres',
      'NIT emisor',
      'NIT cliente',
      'líneas F1',
      'revisión',
      'cuarentena',
      'erradas sin marcar',
    ],
  ];
  const row = (name: string, f: FolderScore) => {
    const wrong = Object.values(f.fields).reduce((s, x) => s + x.wrongUnflagged, 0);
    const of = Object.values(f.fields).reduce((s, x) => s + x.of, 0);
    rows.push([
      name,
      String(f.documents),
      pct(f.fields.number.right, f.fields.number.of),
      pct(f.fields.issueDate.right, f.fields.issueDate.of),
      pct(f.fields.total.right, f.fields.total.of),
      pct(f.allThree, f.documents),
      pct(f.fields.supplierTaxId.right, f.fields.supplierTaxId.of),
      pct(f.fields.customerTaxId.right, f.fields.customerTaxId.of),
      f.lines ? `${(100 * f.lines.f1).toFixed(0)}%` : '—',
      String(f.review),
      String(f.quarantined),
      pct(wrong, of),
    ]);
  };
  for (const [name, f] of folders) row(name, f);
  if (folders.length > 1) {
    const fieldSum = (k: FieldName): FieldScore => ({
      right: sum((f) => f.fields[k].right),
      of: sum((f) => f.fields[k].of),
      wrongUnflagged: sum((f) => f.fields[k].wrongUnflagged),
    });
    row('TODAS', {
      documents: sum((f) => f.documents),
      quarantined: sum((f) => f.quarantined),
      review: sum((f) => f.review),
      fields: {
        number: fieldSum('number'),
        issueDate: fieldSum('issueDate'),
        total: fieldSum('total'),
        supplierTaxId: fieldSum('supplierTaxId'),
        customerTaxId: fieldSum('customerTaxId'),
      },
      allThree: sum((f) => f.allThree),
      lines: null,
      misses: [],
    });
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return `${rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n')}\n`;
}
