/**
 * `npx tsx tools/eval/web-invoices/generate.ts --out DIR --seed N [--set a|b|c]`: invoice layouts written as web
 * pages and printed to PDF by Chromium, with `truth.json` in the format of ../shared/real-invoices. A PDF
 * producer and layouts independent of the training and held-out generators, for `facturas eval DIR --truth`.
 * Needs Debian's chromium. Evaluation only: never train on a set, and never tune the extractor to one.
 *
 * Set a (set-a.ts, the default; used up as an unseen measure): fifteen layouts, an English SaaS invoice, a
 * Spanish one with IRPF, a German DIN 5008 letter, French HT/TVA/TTC, an Italian fattura, a Dutch factuur, a
 * Colombian DIAN representation, a British tax invoice, a Mexican CFDI, a Portuguese fatura, a Peruvian factura,
 * a German letter dated by place, a Spanish receipt, a US invoice with a totals sidebar, a Spanish invoice with a
 * totals grid. Files `<layout>-v<seed>.pdf`; the same seed writes the same HTML and truth as before set b.
 *
 * Set b (set-b.ts): twelve more layouts, written without looking at the extractor, for a second independent
 * measure: a Spanish SaaS invoice (Holded/Quipu-like), a Colombian factura electrónica de venta with its number
 * box split over three lines and ReteFuente withheld, a German machinery maker's Rechnung with article numbers,
 * a French facture with SIREN/SIRET, a British spare-parts invoice with a tax point before the invoice date, a
 * US QuickBooks-style invoice with bill to / ship to, a Mexican CFDI 4.0 with the amount in words, an Argentine
 * Factura B in AFIP's style, a Brazilian NFS-e, an Italian FatturaPA courtesy copy, a Dutch factuur with English,
 * and a two-page export commercial invoice whose item table runs onto page 2 under its repeated header. Files
 * `b-<layout>-v<seed>.pdf`, so both sets can share a folder.
 *
 * Set c (set-c.ts): twelve more layouts, written without looking at the extractor and different in structure from
 * sets a and b: a Spanish hardware-store factura simplificada on its own 80 mm page, a German/English marketplace
 * invoice priced with VAT included, an invoice whose number is only in its title and whose date is in words, a Swiss
 * Rechnung/facture in CHF with a QR-bill payment part, a Colombian cuenta de cobro of a person not responsible for
 * IVA, a French artisan's facture with a sidebar and a deposit deducted, an Italian fattura with the amount due
 * before the details, an English invoice whose items have sub-lines and discounts, a Mexican pre-printed nota de
 * venta, a Chilean factura electrónica in whole pesos, a Portuguese fatura with ATCUD, and a Belgian or Dutch
 * factuur with its number, dates and totals in horizontal strips. Files `c-<layout>-v<seed>.pdf`; its generator
 * starts from its own seed, so its draws differ from sets a and b.
 */

import { parseArgs } from 'node:util';
import { output, seedRandom } from './kit.ts';
import { setA } from './set-a.ts';
import { setB } from './set-b.ts';
import { setC } from './set-c.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    set: { type: 'string', default: 'a' },
  },
});
if (!values.out || !['a', 'b', 'c'].includes(values.set ?? '')) {
  process.stderr.write(
    'Uso: npx tsx tools/eval/web-invoices/generate.ts --out CARPETA [--seed N] [--set a|b|c]\n',
  );
  process.exit(1);
}
const variant = Number(values.seed);
const { emit, save } = output(values.out, variant);
if (values.set === 'a') {
  seedRandom(1000 * variant + 7);
  setA(emit);
} else if (values.set === 'b') {
  seedRandom(1000 * variant + 523);
  setB(emit);
} else {
  seedRandom(1000 * variant + 811);
  setC(emit);
}
process.stdout.write(`${save()} facturas en ${values.out}\n`);
