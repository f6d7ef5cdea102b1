import { amount, dayFirstDate, NONE, type QrFacts, urlParameters } from './facts.ts';

/**
 * Spain's VERI*FACTU QR (Agencia Tributaria): `https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR
 * ?nif=<issuer NIF>&numserie=<series and number>&fecha=dd-mm-yyyy&importe=<total>`, and the same parameters
 * on `ValidarQRNoVerifactu` for invoices kept outside VERI*FACTU.
 */
export function parseVerifactu(payload: string): QrFacts | null {
  if (!/agenciatributaria\.gob\.es/i.test(payload) || !/ValidarQR/i.test(payload)) return null;
  const parameters = urlParameters(payload);
  const nif = (parameters.get('nif') ?? '').replace(/[\s.-]/g, '').toUpperCase();
  const number = (parameters.get('numserie') ?? '').trim();
  if (nif === '' && number === '') return null;
  return {
    ...NONE,
    authority: 'verifactu',
    number: number === '' ? null : number,
    issueDate: dayFirstDate(parameters.get('fecha')),
    supplierTaxId: /^[A-Z\d]{9}$/.test(nif) ? nif : null,
    total: amount(parameters.get('importe')),
  };
}
