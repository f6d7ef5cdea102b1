import type { ReadDocument } from '../../contract/document.ts';
import { emptyInvoice, type Invoice } from '../../contract/result.ts';
import type { Extraction } from '../stage.ts';
import { labelledAmounts, mergeAmountCandidates, withoutShadowed } from './fields/amount-candidates.ts';
import {
  findCufe,
  findDueDate,
  findInvoiceNumber,
  findIssueDate,
  findPurchaseOrder,
} from './fields/header.ts';
import { findHeaderFields } from './fields/header-fields.ts';
import { weakenOffStyleAmounts } from './fields/money-style.ts';
import {
  hasDigitLookalikeLetter,
  likelierReading,
  splitByOcrGap,
  withoutGluedMarker,
} from './fields/ocr-ambiguity.ts';
import { findParties } from './fields/parties.ts';
import { chooseTotals, findAmountCandidates } from './fields/totals.ts';
import { unverifiedKeyNumbers } from './fiscal-codes/sefaz-key.ts';
import type { TaxId } from './fiscal-codes/tax-id.ts';
import { matchLabels } from './labels/match.ts';
import { layoutRows, type Row } from './page/layout.ts';
import { ruledBoxes } from './page/ruled-box.ts';
import { readingProvenance, setProvenance } from './reconcile/provenance.ts';
import { applyQrFacts, documentQrFacts, type QrField } from './reconcile/qr-apply.ts';
import { fillByArithmetic } from './reconcile/totals-arithmetic.ts';
import { lineAmountOk, linesMatchSubtotal, linesSum, validateInvoice } from './reconcile/validate.ts';
import { applyStructured } from './structured/merge.ts';
import { withoutDescriptionSpecks } from './tables/description-specks.ts';
import { findRuledLineItems } from './tables/grid-table.ts';
import {
  deriveMissingAmount,
  deriveMissingQuantities,
  restoreLeadingDigits,
} from './tables/line-arithmetic.ts';
import { findLineItems, totalsLabelRows } from './tables/table.ts';
import { chooseLineTable } from './tables/table-choice.ts';
import { totalsLeads } from './tables/totals-lead.ts';
import { detectCurrency } from './values/currency.ts';

/**
 * Every field of the output contract from the words of a read document, with per-field confidence (0..1),
 * provenance and the arithmetic checks that failed. A value that was not found is null. When the document
 * carries its e-invoice XML (`document.structured`), the XML's values win (structured/merge.ts).
 */
export function extractInvoice(document: ReadDocument): Extraction {
  const rows = layoutRows(document);
  const invoice: Invoice = emptyInvoice();
  const confidence: Record<string, number> = {};

  const labels = matchLabels(rows);
  // A ruled grid's cells first (wrapped descriptions stay whole); the row reader when its arithmetic is better.
  const table = chooseLineTable(
    findRuledLineItems(document, rows),
    findLineItems(rows, totalsLabelRows(labels), totalsLeads(labels)),
    (candidate) =>
      chooseTotals(findAmountCandidates(rows, candidate.rows), linesSum(candidate.lines)).linesMatchSubtotal,
  );
  const legacyIssueDate = findIssueDate(rows);
  // The lexicon's labels in every language, ranked with the older Spanish-layout finders as one more source.
  const header = findHeaderFields(
    rows,
    labels,
    {
      number: findInvoiceNumber(rows),
      order: findPurchaseOrder(rows),
      issueDate: legacyIssueDate,
      dueDate: findDueDate(rows, legacyIssueDate?.value ?? null),
    },
    table.rows,
  );
  const { number, issueDate, dueDate, order } = header;
  const cufe = findCufe(rows);
  const parties = findParties(rows);
  const ocr = rows.some((r) => r.confidence < 1);
  const restored = restoreLeadingDigits(ocr ? withoutDescriptionSpecks(table.lines) : table.lines, ocr);
  const sum = linesSum(restored.lines);
  const amountCandidates = weakenOffStyleAmounts(
    mergeAmountCandidates(
      withoutShadowed(findAmountCandidates(rows, table.rows), labels),
      labelledAmounts(rows, labels, table.rows, ruledBoxes(document)),
    ),
    rows,
  );
  const totals = chooseTotals(amountCandidates, sum);
  const filled = fillByArithmetic(totals, rows, table.rows, sum);

  invoice.number = number?.value ?? null;
  invoice.issueDate = issueDate?.value ?? null;
  invoice.dueDate = dueDate?.value ?? null;
  invoice.purchaseOrder = order?.value ?? null;
  invoice.cufe = cufe?.value ?? null;
  invoice.supplier = { name: parties.supplier.name, taxId: parties.supplier.taxId?.value ?? null };
  invoice.customer = { name: parties.customer.name, taxId: parties.customer.taxId?.value ?? null };
  const derivedQuantities = deriveMissingQuantities(restored.lines);
  invoice.lines = derivedQuantities.lines;
  invoice.subtotal = filled.values.subtotal;
  invoice.tax = filled.values.tax;
  invoice.withholdings = totals.withholdings?.value ?? null;
  invoice.total = filled.values.total;
  const derivedAmount = deriveMissingAmount(invoice.lines, invoice.subtotal, filled.consistent);
  invoice.lines = derivedAmount.lines;
  const currency = detectCurrency(
    rows.map((r) => r.folded).join('\n'),
    [parties.supplier.taxId, parties.customer.taxId].filter((t): t is TaxId => t !== null),
  );
  invoice.currency = currency.value;

  // subtotal + tax − withholdings = total read from three or four separate labels checks them all.
  // A zero tax or subtotal makes the sum hold for any one amount read twice: no check without the lines' sum.
  const trivially = (invoice.tax === 0 || invoice.subtotal === 0) && !totals.linesMatchSubtotal;
  const checked =
    (filled.consistent && !trivially && addsUpClosely(invoice)) || addsUpWithWithholdings(invoice)
      ? 0.99
      : null;
  const clamp = (v: number) => Math.max(0, Math.min(1, Math.round(v * 1000) / 1000));
  confidence.number = clamp(number?.confidence ?? 0);
  confidence.cufe = clamp(cufe?.score ?? 0);
  confidence.issueDate = clamp(issueDate?.confidence ?? 0);
  confidence.dueDate = clamp(dueDate?.confidence ?? 0);
  confidence.purchaseOrder = clamp(order?.confidence ?? 0);
  confidence.supplierName = clamp(parties.supplier.nameScore);
  confidence.supplierTaxId = clamp(parties.supplier.taxIdScore);
  confidence.customerName = clamp(parties.customer.nameScore);
  confidence.customerTaxId = clamp(parties.customer.taxIdScore);
  confidence.currency = clamp(currency.score);
  confidence.total = clamp(
    totals.total ? (checked ?? 0.85 * totals.total.score) * totals.total.confidence : 0,
  );
  confidence.subtotal = clamp(
    totals.subtotal
      ? (checked ?? (totals.linesMatchSubtotal ? 0.95 : 0.8 * totals.subtotal.score)) *
          totals.subtotal.confidence
      : 0,
  );
  confidence.tax = clamp(totals.tax ? (checked ?? 0.75 * totals.tax.score) * totals.tax.confidence : 0);
  confidence.withholdings = totals.withholdings?.derived
    ? 0.5
    : clamp(totals.withholdings ? totals.withholdings.score * totals.withholdings.confidence : 0);
  // An unlabelled amount picked by arithmetic is as sure as the arithmetic; a computed one is not a reading.
  for (const field of ['subtotal', 'tax', 'total'] as const) {
    if (!filled.fill[field]) continue;
    confidence[field] = filled.fill.derived.includes(field)
      ? 0.5
      : clamp(filled.consistent && !trivially && addsUpClosely(invoice) ? 0.9 : 0.6);
  }
  confidence.lines = clamp(linesConfidence(invoice, table.confidence));

  const qrFacts = documentQrFacts(document);
  const qr = qrFacts
    ? applyQrFacts(
        invoice,
        confidence,
        qrFacts,
        document.pages.every((page) => page.source === 'text'),
        document.text,
      )
    : null;
  const fromQr = new Set<QrField>([...(qr?.confirmed ?? []), ...(qr?.changed ?? [])]);
  const totalsFromQr = (['subtotal', 'tax', 'total'] as const).some((field) => qr?.changed.includes(field));
  const consistent = totalsFromQr ? totalsAddUp(invoice) : filled.consistent;

  const issues = validateInvoice(invoice, consistent);
  issues.push(...(qr?.issues ?? []));
  // A printed access key OCR misread (its check digit fails) still says which number the invoice has.
  if (
    !qrFacts?.number &&
    invoice.number !== null &&
    numberDiffersFromUnverifiedKey(invoice.number, document.text)
  ) {
    confidence.number = Math.min(confidence.number ?? 0, 0.6);
    issues.push('number_differs_from_unverified_key');
  }
  // "INVO12813" or "INV012813": an OCR'd number whose letter touches a digit it looks like is a question.
  if (
    number &&
    invoice.number === number.value &&
    readByOcr(document, number.candidate.row) &&
    hasDigitLookalikeLetter(number.value)
  ) {
    invoice.number = likelierReading(number.value);
    confidence.number = Math.min(confidence.number ?? 0, 0.6);
    issues.push('number_ocr_ambiguous_characters');
  }
  // "MT1 379": a gap OCR set inside the number cut it short; joined, and put to a person.
  const joined =
    number && invoice.number === number.value && readByOcr(document, number.candidate.row)
      ? splitByOcrGap(number.candidate.row?.text ?? '', number.value)
      : null;
  if (joined) {
    invoice.number = joined;
    confidence.number = Math.min(confidence.number ?? 0, 0.6);
    issues.push('number_ocr_gap');
  }
  // "N200003-00000438" for "N° 00003-00000438": the marker taken off, and the repair put to a person.
  const unglued =
    number && invoice.number === number.value && readByOcr(document, number.candidate.row)
      ? withoutGluedMarker(number.value)
      : null;
  if (unglued) {
    invoice.number = unglued;
    confidence.number = Math.min(confidence.number ?? 0, 0.7);
    issues.push('number_marker_glued');
  }
  // A computed total the QR code states is no longer a computation.
  for (const field of filled.fill.derived) if (!fromQr.has(field)) issues.push(`${field}_derived`);
  if (totals.withholdings?.derived) issues.push('withholdings_derived');
  issues.push(...restored.issues, ...derivedQuantities.issues, ...derivedAmount.issues);
  for (const side of ['supplier', 'customer'] as const) {
    const id = parties[side].taxId;
    if (id?.checked && !id.valid) issues.push(`${side}_${id.kind}_check_digit_invalid`);
    // An illegible check digit computed from the base cannot catch a misread base: said, not hidden.
    if (id?.computed) issues.push(`${side}_${id.kind}_check_digit_computed`);
  }
  const reading: Extraction = { invoice, confidence, validation: { ok: issues.length === 0, issues } };
  reading.provenance = readingProvenance(invoice, document);
  setProvenance(reading, [...fromQr], 'qr');
  return applyStructured(document, reading);
}

/**
 * subtotal + tax = total to the cent, or to the peso only where amounts run to thousands (printed without
 * cents): the arithmetic's one-peso tolerance would let 1.19 + 0.19 = 1 pass.
 */
function addsUpClosely(invoice: Invoice): boolean {
  const { subtotal, tax, total } = invoice;
  if (subtotal === null || tax === null || total === null) return false;
  return Math.abs(subtotal + tax - total) <= Math.max(0.015, Math.min(1.01, Math.abs(total) * 1e-4));
}

/** Whether the page prints an access key whose check fails and none of whose numbers is the one read. */
function numberDiffersFromUnverifiedKey(number: string, text: string): boolean {
  const numbers = unverifiedKeyNumbers(text);
  if (numbers.length === 0) return false;
  const read = number.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return !numbers.includes(read);
}

function readByOcr(document: ReadDocument, row: Row | null): boolean {
  return row !== null && document.pages[row.page]?.source === 'ocr';
}

function addsUpWithWithholdings(invoice: Invoice): boolean {
  const { subtotal, tax, total, withholdings } = invoice;
  if (subtotal === null || tax === null || total === null || withholdings === null || withholdings <= 0)
    return false;
  return Math.abs(subtotal + tax - withholdings - total) < 0.015;
}

function totalsAddUp(invoice: Invoice): boolean {
  const { subtotal, tax, total } = invoice;
  return subtotal !== null && tax !== null && total !== null && Math.abs(subtotal + tax - total) < 0.015;
}

function linesConfidence(invoice: Invoice, ocrConfidence: number): number {
  if (invoice.lines.length === 0) return 0;
  const checks = invoice.lines.map(lineAmountOk);
  const ok = checks.filter((c) => c === true).length;
  const known = checks.filter((c) => c !== null).length;
  const lineScore = known === 0 ? 0.6 : 0.6 + 0.35 * (ok / known);
  const sumOk = linesMatchSubtotal(invoice.lines, invoice.subtotal);
  const sumScore = sumOk === true ? 1.04 : sumOk === false ? 0.8 : 0.95;
  return lineScore * sumScore * (0.5 + 0.5 * ocrConfidence);
}
