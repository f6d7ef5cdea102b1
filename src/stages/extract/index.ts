export { extractInvoice } from './extract.ts';
export { createExtractStage, type ExtractStageOptions, type FindDuplicate } from './stage.ts';
