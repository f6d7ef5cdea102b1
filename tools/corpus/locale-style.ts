import type { AmountStyle } from './format.ts';
import type { Locale } from './locales/types.ts';
import { NATIONAL_ID_VARIANTS } from './national-ids.ts';
import type { Random } from './random.ts';
import type { PrintStyle } from './style.ts';

const SYMBOLS: Record<Locale['signPlacement'][number][0], AmountStyle['symbol']> = {
  before: 'dollar',
  'before-space': 'dollar-space',
  after: 'sign-after',
  'code-before': 'code-before',
  'code-after': 'code-after',
  none: 'none',
};

/** The wording and formats of another country's invoice, every choice drawn from the locale's data. */
export function chooseLocaleStyle(rng: Random, locale: Locale, options: { cents: boolean }): PrintStyle {
  const { labels: l, columns: c } = locale;
  const amount: AmountStyle = {
    numbers: rng.weighted(locale.numbers),
    cents: options.cents,
    symbol: SYMBOLS[rng.weighted(locale.signPlacement)],
    sign: locale.sign,
  };
  const upper = rng.chance(0.2);
  const total = rng.pick(l.total);
  const labels: PrintStyle['labels'] = {
    title: rng.pick(l.title),
    number: rng.pick(l.number),
    issueDate: rng.pick(l.issueDate),
    dueDate: rng.pick(l.dueDate),
    purchaseOrder: rng.pick(l.purchaseOrder),
    nit: rng.pick(l.taxId),
    customer: rng.pick(l.customer),
    supplier: rng.pick(l.supplier),
    paymentTerms: rng.pick(l.paymentTerms),
    cufe: '',
    remarks: rng.pick(l.remarks),
    subtotal: rng.pick(l.subtotal),
    tax: rng.pick(l.tax),
    total,
    grossTotal: total,
    net: total,
    retefuente: '',
    reteica: '',
    reteiva: '',
  };
  if (upper) {
    for (const key of Object.keys(labels) as (keyof typeof labels)[]) labels[key] = labels[key].toUpperCase();
  }
  const hour = rng.int(7, 18);
  return {
    amount,
    date: rng.weighted(locale.dates),
    months: locale.months,
    nit: 'plain',
    taxId: { kind: locale.taxId, variant: rng.int(0, NATIONAL_ID_VARIANTS - 1) },
    words: locale.words,
    quantityDecimals: rng.chance(0.3),
    issueTime: rng.chance(0.1)
      ? `${String(hour).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`
      : null,
    negative: 'minus',
    colon: rng.pick([':', ':', ':', '']),
    font: rng.weighted([
      ['helvetica', 5],
      ['times', 2],
      ['courier', 1],
    ] as const),
    baseSize: rng.pick([7.5, 8, 8.5, 9, 9.5]),
    upperCaseLabels: upper,
    labels,
    columns: {
      code: rng.pick(c.code),
      description: rng.pick(c.description),
      quantity: rng.pick(c.quantity),
      unit: rng.pick(c.unit),
      unitPrice: rng.pick(c.unitPrice),
      amount: rng.pick(c.amount),
    },
  };
}
