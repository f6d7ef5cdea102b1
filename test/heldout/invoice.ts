import type { Invoice, LineItem } from '../../src/contract/result.ts';
import { addDays, isoDate } from './dates.ts';
import { round2 } from './money.ts';
import { nitWithDigit } from './nit.ts';
import type { Rng } from './random.ts';
import {
  CORRECTIVE_NOTES,
  CORRECTIVE_SERVICES,
  type Company,
  CUSTOMERS,
  EXTRAS,
  MACHINES,
  PARTS,
  PREVENTIVE_NOTES,
  PREVENTIVE_SERVICES,
  SUPPLIERS,
} from './vocabulary.ts';

/** Everything a layout needs to draw one invoice, plus the truth it must match. */
export interface HeldoutInvoice {
  classCode: 0 | 1;
  number: string;
  issue: Date;
  due: Date;
  purchaseOrder: string | null;
  cufe: string | null;
  supplier: Company;
  customer: Company;
  lines: LineItem[];
  subtotal: number;
  tax: number;
  withholdings: { label: string; amount: number }[];
  note: string;
}

const NUMBER_PREFIXES = ['FEV', 'SETP', 'FV', 'FE', 'MAN', 'FVE'];

/** `long` fills most of the part and extra lists, for layouts that run onto a second page. */
export function buildInvoice(rng: Rng, classCode: 0 | 1, withCodes: boolean, long = false): HeldoutInvoice {
  const supplier = rng.pick(SUPPLIERS);
  const customer = rng.pick(CUSTOMERS);
  const prefix = rng.pick(NUMBER_PREFIXES);
  const number = rng.chance(0.5) ? `${prefix}${rng.int(100, 99999)}` : `${prefix}-${rng.int(1000, 99999)}`;
  const issue = new Date(Date.UTC(rng.pick([2025, 2026]), rng.int(0, 11), rng.int(1, 28)));
  const due = addDays(issue, rng.pick([15, 30, 30, 45, 60]));
  const poStyle = rng.int(0, 4);
  const purchaseOrder =
    poStyle === 0
      ? null
      : poStyle === 1
        ? `OC-${rng.int(1000, 9999)}`
        : poStyle === 2
          ? `45000${rng.int(10000, 99999)}`
          : poStyle === 3
            ? `PED-${rng.int(100, 9999)}`
            : `OS-${rng.int(2000, 8999)}`;
  const cufe = rng.chance(0.5)
    ? Array.from({ length: 96 }, () => '0123456789abcdef'[rng.int(0, 15)]).join('')
    : null;

  const machines = rng.shuffle(MACHINES);
  const services = rng.shuffle(classCode === 1 ? PREVENTIVE_SERVICES : CORRECTIVE_SERVICES);
  const lines: LineItem[] = [];
  const serviceCount = long ? 3 : rng.int(1, 3);
  for (let i = 0; i < serviceCount; i++) {
    const description = services[i]!.replace('{m}', machines[i]!);
    const quantity = rng.chance(0.7) ? 1 : rng.int(2, 6);
    const unitPrice = rng.int(18, 420) * 10_000;
    lines.push(
      line(rng, withCodes, 'S', description, quantity, rng.pick(['Servicio', 'UN', 'Hora']), unitPrice),
    );
  }
  for (const part of rng.shuffle(PARTS).slice(0, long ? rng.int(7, 9) : rng.int(0, 4))) {
    const quantity = part.unit === 'Mt' ? rng.int(5, 40) : rng.int(1, 8);
    const cents = rng.chance(0.2) ? rng.int(1, 99) / 100 : 0;
    const unitPrice = rng.int(part.price[0] / 100, part.price[1] / 100) * 100 + cents;
    lines.push(line(rng, withCodes, 'R', part.text, quantity, part.unit, unitPrice));
  }
  for (const extra of rng.shuffle(EXTRAS).slice(0, long ? 3 : rng.int(0, 2))) {
    // Half hours are billed as 2,5 and so on.
    const quantity = extra.unit === 'Hora' ? rng.int(4, 32) / 2 : 1;
    const unitPrice = rng.int(extra.price[0] / 1000, extra.price[1] / 1000) * 1000;
    lines.push(line(rng, withCodes, 'X', extra.text, quantity, extra.unit, unitPrice));
  }
  const subtotal = round2(lines.reduce((sum, l) => sum + (l.amount ?? 0), 0));
  const tax = Math.round(subtotal * 0.19);
  const withholdings: HeldoutInvoice['withholdings'] = [];
  if (rng.chance(0.4)) {
    withholdings.push({ label: 'Retención en la fuente 4%', amount: Math.round(subtotal * 0.04) });
    if (rng.chance(0.5))
      withholdings.push({ label: 'ReteICA 9,66 x mil', amount: Math.round(subtotal * 0.00966) });
  }
  const note = rng.pick(classCode === 1 ? PREVENTIVE_NOTES : CORRECTIVE_NOTES);
  return {
    classCode,
    number,
    issue,
    due,
    purchaseOrder,
    cufe,
    supplier,
    customer,
    lines,
    subtotal,
    tax,
    withholdings,
    note,
  };
}

function line(
  rng: Rng,
  withCodes: boolean,
  family: string,
  description: string,
  quantity: number,
  unit: string,
  unitPrice: number,
): LineItem {
  return {
    code: withCodes ? `${family}${rng.int(100, 999)}-${rng.int(10, 99)}` : null,
    description,
    quantity,
    unit,
    unitPrice,
    amount: round2(quantity * unitPrice),
  };
}

export const withholdingTotal = (inv: HeldoutInvoice) => inv.withholdings.reduce((s, w) => s + w.amount, 0);

/** The truth in the output-contract shape; `printed` says which optional parts the layout showed. */
export function truthInvoice(
  inv: HeldoutInvoice,
  printed: { units: boolean; codes: boolean; cufe: boolean; dueDate: boolean },
): Invoice {
  const withheld = withholdingTotal(inv);
  return {
    number: inv.number,
    cufe: printed.cufe ? inv.cufe : null,
    issueDate: isoDate(inv.issue),
    dueDate: printed.dueDate ? isoDate(inv.due) : null,
    purchaseOrder: inv.purchaseOrder,
    supplier: { name: inv.supplier.name, taxId: nitWithDigit(inv.supplier.nitBase) },
    customer: { name: inv.customer.name, taxId: nitWithDigit(inv.customer.nitBase) },
    currency: 'COP',
    subtotal: inv.subtotal,
    tax: inv.tax,
    withholdings: inv.withholdings.length ? withheld : null,
    total: round2(inv.subtotal + inv.tax),
    lines: inv.lines.map((l) => ({
      ...l,
      code: printed.codes ? l.code : null,
      unit: printed.units ? l.unit : null,
    })),
  };
}
