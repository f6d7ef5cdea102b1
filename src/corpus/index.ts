export {
  type CorpusOptions,
  type CorpusSummary,
  type GeneratedInvoice,
  generateCorpus,
  generateInvoice,
  type InvoiceOptions,
  invoiceId,
} from './generate.ts';
export { LAYOUTS } from './layouts/index.ts';
export { nitCheckDigit } from './nit.ts';
export { type Truth, type TruthMeta, withoutMeta } from './truth.ts';
