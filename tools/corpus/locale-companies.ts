import type { Company } from './companies.ts';
import { fillPattern } from './locale-template.ts';
import type { Locale } from './locales/types.ts';
import { randomNationalId } from './national-ids.ts';
import type { Random } from './random.ts';

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** A supplier or customer of the locale's country: name, legal form, address, national tax id. */
export function randomLocaleCompany(rng: Random, locale: Locale, role: 'supplier' | 'customer'): Company {
  const { companies } = locale;
  const core = rng.pick(role === 'supplier' ? companies.suppliers : companies.customers);
  const name = `${core} ${rng.pick(companies.legalForms)}`;
  const address = rng
    .pick(companies.addressFormats)
    .replace('{street}', rng.pick(companies.streets))
    .replace('{n}', String(rng.int(1, 240)));
  const mailbox =
    role === 'supplier'
      ? rng.pick(['info', 'invoices', 'billing', 'office'])
      : rng.pick(['ap', 'accounts', 'purchasing']);
  return {
    name: rng.chance(0.15) ? name.toUpperCase() : name,
    brand: core,
    taxId: randomNationalId(rng, locale.taxId),
    address: fillPattern(rng, address),
    city: rng.pick(companies.cities),
    phone: fillPattern(rng, rng.pick(companies.phones)),
    email: `${mailbox}@${slug(core).slice(0, 18)}${rng.pick(companies.domains)}`,
  };
}
