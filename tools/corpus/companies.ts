import { randomCompanyNit } from './nit.ts';
import type { Random } from './random.ts';

/** A party as printed on the invoice; the truth keeps only `name` and `taxId`. */
export interface Company {
  name: string;
  /** Short brand printed as a logo by some layouts. */
  brand: string;
  taxId: string;
  address: string;
  city: string;
  phone: string;
  email: string;
}

const LEGAL_FORMS = ['S.A.S.', 'S.A.S.', 'S.A.S.', 'Ltda.', 'S.A.', 'S.A.S', 'LTDA', 'SAS'];

const SUPPLIER_HEADS = [
  ['Servicios', 'm'],
  ['Soluciones', 'f'],
  ['Ingeniería', 'f'],
  ['Mantenimientos', 'm'],
  ['Montajes', 'm'],
  ['Suministros', 'm'],
  ['Reparaciones', 'f'],
  ['Proyectos', 'm'],
  ['Tecnología', 'f'],
] as const;
const SUPPLIER_ADJECTIVES = [
  ['Industriales', 'Industriales'],
  ['Integrales', 'Integrales'],
  ['Técnicos', 'Técnicas'],
  ['Electromecánicos', 'Electromecánicas'],
  ['Hidráulicos', 'Hidráulicas'],
  ['Textiles', 'Textiles'],
  ['Térmicos', 'Térmicas'],
] as const;
const SUPPLIER_TAILS = [
  'del Valle',
  'Andinos',
  'de Antioquia',
  'del Caribe',
  'JR',
  'M&M',
  'Rivera',
  'de Colombia',
  'del Norte',
  'y Cía.',
  'Gómez Hermanos',
  'del Eje Cafetero',
  '',
];
const SUPPLIER_BRANDS = [
  'Servitécnicos',
  'Tecnimaq',
  'Servitex',
  'Hidrotec',
  'Electrosur',
  'Maqtextil',
  'Induvapor',
  'Rodatec',
  'Mecatrónica Aburrá',
  'Compresores y Equipos',
  'Neumaticol',
  'Calderas Técnicas',
  'Telartec',
  'Mantenimiento Integral Textil',
  'Electromotores Itagüí',
];

const CUSTOMER_HEADS = [
  'Textiles',
  'Tejidos',
  'Hilanderías',
  'Confecciones',
  'Hilados y Tejidos',
  'Tintorería',
  'Manufacturas Textiles',
  'Lanas',
  'Fábrica de Tejidos',
  'Estampados',
];
const CUSTOMER_TAILS = [
  'Río Negro',
  'del Fonce',
  'Santa Rita',
  'La Estrella',
  'Panamericana',
  'El Cóndor',
  'San Jerónimo',
  'Andina',
  'Montebello',
  'del Valle',
  'La Garza',
  'Omega',
  'Vallecaucana',
  'Sabaneta',
  'El Retiro',
  'Guayabal',
  'La Pradera',
];

const CITIES = [
  'Medellín, Antioquia',
  'Itagüí, Antioquia',
  'Bello, Antioquia',
  'Envigado, Antioquia',
  'Bogotá D.C.',
  'Cali, Valle del Cauca',
  'Pereira, Risaralda',
  'Barranquilla, Atlántico',
  'Bucaramanga, Santander',
  'Manizales, Caldas',
  'Rionegro, Antioquia',
];
const STREETS = ['Calle', 'Carrera', 'Cra.', 'Cl.', 'Avenida', 'Diagonal', 'Transversal', 'Av.'];

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function address(rng: Random): string {
  if (rng.chance(0.12))
    return `Km ${rng.int(1, 18)} vía ${rng.pick(['Las Palmas', 'Itagüí - La Estrella', 'Siberia', 'Cali - Yumbo', 'al Mar'])}`;
  const base = `${rng.pick(STREETS)} ${rng.int(1, 120)}${rng.chance(0.2) ? rng.pick([' Sur', 'A', 'B']) : ''}`;
  const number = `${rng.pick(['#', 'No.', 'N°', '#'])} ${rng.int(1, 99)}-${rng.int(1, 99)}`;
  const extra = rng.chance(0.3)
    ? rng.pick([` Bodega ${rng.int(1, 20)}`, ` Int. ${rng.int(101, 420)}`, ` Local ${rng.int(1, 30)}`])
    : '';
  return `${base} ${number}${extra}`;
}

function phone(rng: Random): string {
  return rng.pick([
    `(604) ${rng.digits(3)} ${rng.digits(4)}`,
    `+57 3${rng.int(0, 2)}${rng.int(0, 9)} ${rng.digits(3)} ${rng.digits(4)}`,
    `PBX 60${rng.int(1, 7)} ${rng.digits(3)} ${rng.digits(4)}`,
    `3${rng.int(0, 2)}${rng.int(0, 9)}${rng.digits(7)}`,
  ]);
}

function legalForm(rng: Random): string {
  return rng.pick(LEGAL_FORMS);
}

export function randomSupplier(rng: Random): Company {
  let core: string;
  let brand: string;
  if (rng.chance(0.45)) {
    brand = rng.pick(SUPPLIER_BRANDS);
    core = brand;
  } else {
    const [head, gender] = rng.pick(SUPPLIER_HEADS);
    const [masculine, feminine] = rng.pick(SUPPLIER_ADJECTIVES);
    const tail = rng.pick(SUPPLIER_TAILS);
    core = [head, gender === 'm' ? masculine : feminine, tail].filter(Boolean).join(' ');
    brand = `${head} ${gender === 'm' ? masculine : feminine}`;
  }
  const name = `${core} ${legalForm(rng)}`;
  return finish(rng, name, brand, 'facturacion');
}

export function randomCustomer(rng: Random): Company {
  const core = `${rng.pick(CUSTOMER_HEADS)} ${rng.pick(CUSTOMER_TAILS)}`;
  return finish(
    rng,
    `${core} ${legalForm(rng)}`,
    core,
    rng.pick(['compras', 'cuentasporpagar', 'recepcionfacturas']),
  );
}

function finish(rng: Random, name: string, brand: string, mailbox: string): Company {
  const domain = slug(brand).slice(0, 18) + rng.pick(['.com.co', '.co', '.com']);
  return {
    // Many companies are registered (and print their name) in capitals.
    name: rng.chance(0.2) ? name.toUpperCase() : name,
    brand,
    taxId: randomCompanyNit(rng),
    address: address(rng),
    city: rng.pick(CITIES),
    phone: phone(rng),
    email: `${mailbox}@${domain}`,
  };
}
