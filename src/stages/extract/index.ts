export {
  type EvaluationPair,
  type ExtractionEvaluation,
  evaluateExtraction,
  HEADER_FIELDS,
} from './evaluate.ts';
export { extractInvoice } from './extract.ts';
export { createExtractStage, type ExtractStageOptions, type FindDuplicate } from './stage.ts';
