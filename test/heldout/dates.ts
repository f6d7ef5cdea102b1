/** Date styles seen on Colombian invoices; the truth is always ISO. */
export type DateStyle = 'dmy-slash' | 'iso' | 'dmy-dash-month' | 'spelled';

const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatDate(date: Date, style: DateStyle): string {
  const d = date.getUTCDate();
  const m = date.getUTCMonth();
  const y = date.getUTCFullYear();
  const dd = String(d).padStart(2, '0');
  const mm = String(m + 1).padStart(2, '0');
  if (style === 'dmy-slash') return `${dd}/${mm}/${y}`;
  if (style === 'iso') return `${y}-${mm}-${dd}`;
  if (style === 'dmy-dash-month') return `${dd}-${MONTHS[m]!.slice(0, 3)}-${y}`;
  return `${d} de ${MONTHS[m]} de ${y}`;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
