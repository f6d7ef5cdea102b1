/**
 * UNTDID 1001 document type codes that mean a credit note (EN 16931's list for CII and UBL): 381 credit note,
 * 261 self-billed credit note, 262 consolidated credit note, 296 credit note related to financial adjustments,
 * 308 delcredere credit note, 396 factored credit note, 420 optical character reading credit transfer,
 * 458 reversal of debit, 532 forwarder's credit note.
 */
const CREDIT_NOTE_CODES = new Set(['381', '261', '262', '296', '308', '396', '420', '458', '532']);

export function creditNoteTypeCode(code: string | null): boolean {
  return code !== null && CREDIT_NOTE_CODES.has(code.trim());
}
