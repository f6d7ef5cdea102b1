/**
 * `npx tsx tools/train-fields/cli.ts --corpus DIR [--corpus DIR...] [--out weights.json] [--cache DIR]
 *   [--validation 0.25] [--seed 1] [--l2 0.01] [--ocr] [--chooser hand|learned]`
 *
 * Fits the learned header-field scorer on generated invoices (`npm run corpus`), never on the evaluation
 * generator (test/heldout) nor on real invoices. Documents are split into training and validation; the tool
 * prints validation top-1 accuracy per field for the learned and the hand-set chooser and the calibration of
 * both, then refits on all documents and writes the weights with their training metadata. `--chooser`
 * says which chooser the extractor uses by default (keep `hand` unless the learned one measured at least as
 * well on validation, on a fresh corpus and on the real development set).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FEATURE_NAMES } from '../../src/stages/extract/fields/features.ts';
import {
  type FieldModel,
  type FieldWeights,
  HEADER_FIELD_NAMES,
  type HeaderFieldName,
  parseFieldWeights,
} from '../../src/stages/extract/fields/learned-scorer.ts';
import type { OcrEngine } from '../../src/stages/read/ocr-engine.ts';
import { readCorpus } from './corpus-documents.ts';
import { DEFAULT_FIT, fitField } from './fit.ts';
import { documentInstances, type RankingInstance } from './instances.ts';
import { calibration, handPicks, learnedPicks, measureHand, measureLearned, reliability } from './measure.ts';
import { splitByDocument } from './split.ts';

const DEFAULT_OUT = join(import.meta.dirname, '../../src/stages/extract/fields/weights.json');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', multiple: true },
      out: { type: 'string', default: DEFAULT_OUT },
      cache: { type: 'string' },
      validation: { type: 'string', default: '0.25' },
      seed: { type: 'string', default: '1' },
      l2: { type: 'string', default: String(DEFAULT_FIT.l2) },
      ocr: { type: 'boolean', default: false },
      chooser: { type: 'string', default: 'hand' },
    },
  });
  const dirs = values.corpus ?? [];
  if (dirs.length === 0) throw new Error('falta --corpus DIR');
  if (values.chooser !== 'hand' && values.chooser !== 'learned') throw new Error('--chooser: hand o learned');
  let ocr: OcrEngine | null = null;
  if (values.ocr) {
    const { createOcrEngine } = await import('../../src/stages/read/ocr-engine.ts');
    ocr = await createOcrEngine({ workers: 1 });
  }
  const instances: RankingInstance[] = [];
  const documents: { id: string; scanned: boolean; layout: string }[] = [];
  try {
    for await (const doc of readCorpus(dirs, ocr, values.cache ?? null)) {
      documents.push({ id: doc.id, scanned: doc.scanned, layout: doc.layout });
      instances.push(...documentInstances(doc.id, doc.document, doc.truth));
      if (documents.length % 50 === 0) process.stderr.write(`${documents.length} documentos leídos\n`);
    }
  } finally {
    await ocr?.close();
  }
  const options = { ...DEFAULT_FIT, l2: Number(values.l2) };
  const { train, validation } = splitByDocument(
    documents.map((d) => d.id),
    Number(values.validation),
    Number(values.seed),
  );
  const report: Record<string, unknown> = {};
  const allPicks: Record<'learned' | 'hand', { confidence: number; right: boolean }[]> = {
    learned: [],
    hand: [],
  };
  console.log(`Documentos: ${documents.length} (entrenamiento ${train.size}, validación ${validation.size})`);
  console.log('campo        valores/doc  learned top-1        hand-set top-1');
  for (const field of HEADER_FIELD_NAMES) {
    const of = instances.filter((i) => i.field === field);
    const model = fitField(
      of.filter((i) => train.has(i.document)),
      FEATURE_NAMES.length,
      options,
    );
    const held = of.filter((i) => validation.has(i.document));
    const learned = measureLearned(model, held);
    const hand = measureHand(held);
    allPicks.learned.push(...learnedPicks(model, held));
    allPicks.hand.push(...handPicks(held));
    const perDoc = held.reduce((s, i) => s + i.values.length, 0) / Math.max(1, held.length);
    console.log(
      `${field.padEnd(12)} ${perDoc.toFixed(2).padStart(10)}  ${fmt(learned.correct, learned.instances)}  ${fmt(hand.correct, hand.instances)}`,
    );
    report[field] = { learned: learned.correct, hand: hand.correct, instances: learned.instances };
  }
  for (const [name, picks] of Object.entries(allPicks)) {
    const c = calibration(picks, 0.8);
    console.log(
      `${name}: con confianza ≥ 0.8: ${c.sureRight}/${c.sure} correctos (${(100 * c.precision).toFixed(1)} %), erradas sin marcar ${c.wrongUnflagged}/${picks.length}`,
    );
    for (const band of reliability(picks))
      console.log(
        `  [${band.low.toFixed(2)}, ${band.high.toFixed(2)}): ${band.right}/${band.picks}${band.share === null ? '' : ` (${(100 * band.share).toFixed(1)} %)`}`,
      );
    report[`calibration_${name}`] = c;
  }
  // The shipped weights are refitted on every document.
  const fields = {} as Record<HeaderFieldName, FieldModel>;
  for (const field of HEADER_FIELD_NAMES) {
    fields[field] = fitField(
      instances.filter((i) => i.field === field),
      FEATURE_NAMES.length,
      options,
    );
    fields[field].weights = fields[field].weights.map(round);
    fields[field].none = round(fields[field].none);
  }
  const weights: FieldWeights = {
    version: 1,
    chooser: values.chooser,
    features: [...FEATURE_NAMES],
    fields,
    training: {
      corpora: dirs.map((d) => d.replace(/.*\//, '')),
      documents: documents.length,
      scanned: documents.filter((d) => d.scanned).length,
      layouts: countBy(documents.map((d) => d.layout)),
      fit: { ...options, loss: 'listwise softmax with a none option' },
      validation: { share: Number(values.validation), seed: Number(values.seed), ...report },
    },
  };
  parseFieldWeights(weights);
  writeFileSync(values.out, `${JSON.stringify(weights, null, 2)}\n`);
  console.log(`Pesos escritos en ${values.out}`);
}

function fmt(correct: number, total: number): string {
  return `${correct.toFixed(1).padStart(6)}/${total} (${((100 * correct) / Math.max(1, total)).toFixed(1).padStart(5)} %)`;
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

function countBy(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[item] = (out[item] ?? 0) + 1;
  return out;
}

main().catch((error: unknown) => {
  process.stderr.write(`Error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
