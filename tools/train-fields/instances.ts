import type { ReadDocument } from '../../src/contract/document.ts';
import type { Invoice } from '../../src/contract/result.ts';
import type { FieldCandidate } from '../../src/stages/extract/fields/candidate.ts';
import { groupFeatures } from '../../src/stages/extract/fields/features.ts';
import {
  findDueDate,
  findInvoiceNumber,
  findIssueDate,
  findPurchaseOrder,
} from '../../src/stages/extract/fields/header.ts';
import { dueAfterIssue, headerCandidates } from '../../src/stages/extract/fields/header-fields.ts';
import type { HeaderFieldName } from '../../src/stages/extract/fields/learned-scorer.ts';
import { decide } from '../../src/stages/extract/fields/scorer.ts';
import { groupByValue } from '../../src/stages/extract/fields/value-groups.ts';
import { matchLabels } from '../../src/stages/extract/labels/match.ts';
import { layoutRows } from '../../src/stages/extract/page/layout.ts';
import { findLineItems } from '../../src/stages/extract/tables/table.ts';

/**
 * One ranking problem: the values proposed for one header field of one document, their feature vectors, and
 * which of them the truth names (`target` = the index of the right value, or `values.length` when none is
 * right: the "none of these" option). `handConfidence` is the hand-set chooser's confidence in its pick
 * (the first value), for the calibration comparison.
 */
export interface RankingInstance {
  document: string;
  field: HeaderFieldName;
  values: string[];
  vectors: number[][];
  target: number;
  truth: string | null;
  handConfidence: number;
}

const TRUTH_FIELD: Record<HeaderFieldName, keyof Invoice> = {
  number: 'number',
  order: 'purchaseOrder',
  issueDate: 'issueDate',
  dueDate: 'dueDate',
};

/** The evaluation's string equality (tools/eval): Unicode NFC, white space collapsed, case ignored. */
export function sameValue(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

/**
 * The extractor's own steps up to the header candidates (extract.ts: rows, labels, table rows, the older
 * finders), then one ranking instance per field. The due date's candidates are filtered by the hand-set
 * issue date, as the extractor filters them by its chosen one.
 */
export function documentInstances(id: string, document: ReadDocument, truth: Invoice): RankingInstance[] {
  const rows = layoutRows(document);
  const labels = matchLabels(rows);
  const table = findLineItems(rows);
  const legacyIssue = findIssueDate(rows);
  const found = headerCandidates(
    rows,
    labels,
    {
      number: findInvoiceNumber(rows),
      order: findPurchaseOrder(rows),
      issueDate: legacyIssue,
      dueDate: findDueDate(rows, legacyIssue?.value ?? null),
    },
    table.rows,
  );
  const issue = decide(found.issueDate)?.value ?? null;
  const lists: Record<HeaderFieldName, FieldCandidate<string>[]> = {
    number: found.number,
    order: found.order,
    issueDate: found.issueDate,
    dueDate: dueAfterIssue(found.dueDate, issue),
  };
  return (Object.keys(lists) as HeaderFieldName[]).map((field) => {
    const groups = groupByValue(lists[field]);
    const values = groups.map((g) => g.best.value);
    const raw = truth[TRUTH_FIELD[field]];
    const expected = typeof raw === 'string' ? raw : null;
    const right = expected === null ? -1 : values.findIndex((v) => sameValue(v, expected));
    return {
      document: id,
      field,
      values,
      vectors: groupFeatures(groups, found.context),
      target: right === -1 ? values.length : right,
      truth: expected,
      handConfidence: decide(lists[field])?.confidence ?? 0,
    };
  });
}
