import type { ClassFilter, DashboardFilter } from '../../adapters/warehouse/index.ts';

/** Query parameters of the dashboard (Spanish names, as people see them in the address bar). */
export interface DashboardParams {
  desde?: string;
  hasta?: string;
  clase?: string;
  moneda?: string;
}

export interface ParsedFilter {
  filter: DashboardFilter;
  /** What the form shows back. */
  form: { desde: string; hasta: string; clase: string; moneda: string };
  /** Parameters that were ignored, in Spanish. */
  warnings: string[];
}

export const ALL_CURRENCIES = 'todas';
const CLASSES: readonly ClassFilter[] = ['correctiva', 'preventiva', 'revision'];

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** `defaultCurrency` is the most frequent one: sums across currencies are shown only when asked for. */
export function parseFilter(params: DashboardParams, defaultCurrency: string | null): ParsedFilter {
  const warnings: string[] = [];
  const filter: DashboardFilter = {};
  const form = { desde: '', hasta: '', clase: '', moneda: '' };

  for (const key of ['desde', 'hasta'] as const) {
    const value = params[key]?.trim();
    if (!value) continue;
    if (isIsoDate(value)) {
      form[key] = value;
      if (key === 'desde') filter.from = value;
      else filter.to = value;
    } else {
      warnings.push(`Fecha «${key}» no válida; se ignoró.`);
    }
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    warnings.push('La fecha «desde» es posterior a «hasta»; se intercambiaron.');
    [filter.from, filter.to] = [filter.to, filter.from];
    form.desde = filter.from;
    form.hasta = filter.to;
  }

  const clase = params.clase?.trim();
  if (clase) {
    if ((CLASSES as readonly string[]).includes(clase)) {
      filter.classLabel = clase as ClassFilter;
      form.clase = clase;
    } else {
      warnings.push('Clase no válida; se muestran todas.');
    }
  }

  const moneda = params.moneda?.trim().toUpperCase();
  if (moneda === ALL_CURRENCIES.toUpperCase()) {
    filter.currency = null;
    form.moneda = ALL_CURRENCIES;
  } else if (moneda && /^[A-Z]{3}$/.test(moneda)) {
    filter.currency = moneda;
    form.moneda = moneda;
  } else {
    if (moneda) warnings.push('Moneda no válida; se usa la más frecuente.');
    filter.currency = defaultCurrency;
    form.moneda = defaultCurrency ?? ALL_CURRENCIES;
  }
  return { filter, form, warnings };
}
