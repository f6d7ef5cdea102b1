import { amount, dateOf, NONE, type QrFacts, urlParameters } from './facts.ts';

/**
 * The Basque Country's TicketBAI QR: `https://batuz.eus/QRTBAI/?id=TBAI-<NIF>-<ddmmyy>-<13 characters>-<CRC>
 * &s=<series>&nf=<number>&i=<total>&cr=<CRC-8>` (Bizkaia), the same on Gipuzkoa's `tbai.egoitza.gipuzkoa.eus/qr/`
 * and Araba's `ticketbai.araba.eus/tbai/qrtbai/` (and their test hosts). The TicketBAI id carries the issuer's
 * NIF and the date of issue.
 */
export function parseTicketBai(payload: string): QrFacts | null {
  if (!/(?:batuz\.eus|gipuzkoa\.eus|araba\.eus)/i.test(payload)) return null;
  const parameters = urlParameters(payload);
  const id = /^TBAI-([A-Z\d]{9})-(\d{2})(\d{2})(\d{2})-[A-Z\d]{13}-[A-Z\d]{3}$/i.exec(
    (parameters.get('id') ?? '').trim(),
  );
  if (!id) return null;
  const series = (parameters.get('s') ?? '').trim();
  const sequence = (parameters.get('nf') ?? '').trim();
  return {
    ...NONE,
    authority: 'ticketbai',
    number: sequence === '' ? null : `${series}${sequence}`,
    series: series === '' ? null : series,
    issueDate: dateOf(`20${id[4]}`, id[3]!, id[2]!),
    supplierTaxId: id[1]!.toUpperCase(),
    total: amount(parameters.get('i')),
  };
}
