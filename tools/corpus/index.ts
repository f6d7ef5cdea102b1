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
export { DEFAULT_LOCALE, LOCALE_CODES, localeByCode, parseLocales } from './locales/index.ts';
export { nitCheckDigit } from './nit.ts';
export type { PrintedQr } from './qr.ts';
export { DIAN_QR_URL, dianQrPayload, type QrFacts, type QrPayloadKind } from './qr-payload.ts';
export { type Truth, type TruthMeta, withoutMeta } from './truth.ts';
