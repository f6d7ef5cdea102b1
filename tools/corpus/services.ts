import type { ClassLabel } from '../../src/contract/result.ts';
import { MONTHS } from './format.ts';
import type { Random } from './random.ts';

/**
 * What the invoices are about: maintenance of a textile plant. Both classes share machines, parts and
 * labour; only the service lines and remarks carry the class, and sometimes a weak cue of the other class
 * is mixed in so that the task is not a keyword match.
 */

export interface LineDraft {
  kind: 'service' | 'part' | 'labour' | 'other';
  description: string;
  unit: 'service' | 'piece' | 'hour' | 'gallon' | 'kilo' | 'box' | 'global' | 'trip';
  quantity: number;
  /** Unit price in COP. */
  unitPrice: number;
}

const MACHINES = [
  'telar Picanol OptiMax',
  'telar de pinzas Dornier P1',
  'telar de chorro de aire Toyota JAT810',
  'urdidora Karl Mayer',
  'urdidora seccional Benninger',
  'tejedora circular Mayer & Cie',
  'tejedora circular Terrot',
  'rama tensora Brückner',
  'rama termofijadora Monforts',
  'caldera pirotubular 150 BHP',
  'caldera de vapor Continental 200 BHP',
  'compresor de tornillo Atlas Copco GA37',
  'compresor Kaeser SK 25',
  'hiladora open-end Rieter R60',
  'continua de hilar Zinser',
  'bordadora Tajima de 12 cabezas',
  'máquina de coser industrial Juki DDL-8700',
  'fileteadora Siruba 747',
  'tinturadora jet Thies',
  'calandra de planchado',
  'cortadora de tela Eastman',
  'enconadora Schlafhorst Autoconer',
  'secadora de tela',
];

const COMPONENTS = [
  'rodamientos',
  'sistema hidráulico',
  'tablero eléctrico',
  'motor principal',
  'caja reductora',
  'sistema neumático',
  'quemador',
  'cadena de transmisión',
  'cilindros de arrastre',
  'sistema de lubricación',
  'frenos y embrague',
  'variador de velocidad',
  'bomba de alimentación',
  'marcos y lizos',
  'sensores de trama',
];

interface PartSpec {
  description: string;
  unit: LineDraft['unit'];
  min: number;
  max: number;
}

const PARTS: PartSpec[] = [
  { description: 'Rodamiento SKF 6205-2RS', unit: 'piece', min: 35_000, max: 60_000 },
  { description: 'Rodamiento de rodillos esféricos 22215 E', unit: 'piece', min: 450_000, max: 900_000 },
  { description: 'Correa dentada HTD 8M-1200', unit: 'piece', min: 120_000, max: 260_000 },
  { description: 'Correa en V B-52', unit: 'piece', min: 30_000, max: 70_000 },
  { description: 'Filtro de aire para compresor', unit: 'piece', min: 180_000, max: 420_000 },
  { description: 'Filtro separador de aceite', unit: 'piece', min: 350_000, max: 800_000 },
  { description: 'Aceite hidráulico ISO VG 68', unit: 'gallon', min: 90_000, max: 150_000 },
  { description: 'Grasa de litio EP2', unit: 'kilo', min: 40_000, max: 80_000 },
  { description: 'Sensor inductivo M18 PNP', unit: 'piece', min: 150_000, max: 380_000 },
  { description: 'Contactor tripolar 40 A', unit: 'piece', min: 160_000, max: 450_000 },
  { description: 'Válvula solenoide 1/2"', unit: 'piece', min: 220_000, max: 600_000 },
  { description: 'Resistencia calefactora 2 kW', unit: 'piece', min: 180_000, max: 400_000 },
  { description: 'Empaque de tapa de caldera', unit: 'piece', min: 250_000, max: 700_000 },
  { description: 'Agujas para tejedora circular (caja x 100)', unit: 'box', min: 300_000, max: 900_000 },
  { description: 'Pinza portatrama para telar', unit: 'piece', min: 400_000, max: 1_200_000 },
  { description: 'Cuchilla de corte', unit: 'piece', min: 80_000, max: 200_000 },
  { description: 'Guía hilo cerámica', unit: 'piece', min: 15_000, max: 40_000 },
  { description: 'Motor eléctrico trifásico 5 HP', unit: 'piece', min: 1_800_000, max: 3_500_000 },
  { description: 'Variador de frecuencia 7,5 kW', unit: 'piece', min: 3_000_000, max: 6_000_000 },
  { description: 'Kit de mantenimiento compresor 8000 h', unit: 'piece', min: 1_200_000, max: 2_800_000 },
  { description: 'Termopar tipo K', unit: 'piece', min: 80_000, max: 180_000 },
  { description: 'Manómetro 0-160 psi', unit: 'piece', min: 60_000, max: 140_000 },
  { description: 'Retenedor de aceite 45x62x8', unit: 'piece', min: 18_000, max: 45_000 },
  { description: 'Piñón de transmisión Z-24', unit: 'piece', min: 140_000, max: 320_000 },
];

const PREVENTIVE_SERVICES = [
  'Mantenimiento preventivo {freq} de {machine}',
  'Mantenimiento programado de {machine} según plan anual',
  'Mantenimiento rutinario de {machine}, incluye limpieza general y ajuste',
  'Inspección general y ajuste de {component} de {machine}',
  'Lubricación de {component} de {machine}',
  'Calibración de sensores y parámetros de {machine}',
  'Revisión periódica de {machine} ({hours} horas de operación)',
  'Cambio programado de filtros de {machine}',
  'Plan de mantenimiento {freq}: revisión de {component} de {machine}',
  'Análisis de vibraciones predictivo en {machine}',
  'Termografía de tableros eléctricos y {component}',
  'Rutina de inspección y lubricación de {machine}',
  'Servicio de mantenimiento por horas de operación de {machine} ({hours} h)',
  'Visita técnica programada de mantenimiento a {machine}',
  'Verificación y ajuste preventivo de {component} en {machine}',
  'Rutina de engrase y chequeo general de {machine} según cronograma',
  'Puesta a punto periódica de {machine}',
  'Mantenimiento mayor programado de {machine} ({hours} horas)',
  'Medición de aislamiento y ajuste de conexiones, {component} (rutina {freq})',
  '{Machine}: limpieza, revisión y ajuste de {component} según plan',
  'Overhaul programado de {component} de {machine}',
  'Cambio de aceite y filtros por horas de servicio de {machine}',
  'Mantenimiento predictivo: medición de temperatura y vibración en {machine}',
  'Servicio técnico preventivo a {machine}: inspección visual, reapriete y limpieza',
  'Se realizó rutina de mantenimiento {freq} a {machine} sin novedad',
  'Revisión programada de {component} ({hours} h) en {machine}',
  'Chequeo de niveles, lubricación y ajuste de {component} de {machine}',
  'Contrato de mantenimiento preventivo - visita {freq} {machine}',
];

const CORRECTIVE_SERVICES = [
  'Reparación de {machine} por falla en {component}',
  'Atención de avería en {component} de {machine}',
  'Cambio de rodamiento averiado en {machine}',
  'Corrección de fuga en {component} de {machine}',
  'Servicio de emergencia por parada imprevista de {machine}',
  'Reparación de daño en {component} de {machine}',
  'Rebobinado de motor quemado de {machine}',
  'Diagnóstico y reparación de falla eléctrica en {machine}',
  'Soldadura y reconstrucción de eje fracturado de {machine}',
  'Reemplazo de {component} dañado en {machine}',
  'Atención de llamada por paro de línea en {machine}',
  'Reparación correctiva de {component} de {machine}',
  'Desmontaje y reparación de {component} averiado de {machine}',
  'Corrección de desalineación que causó rotura en {machine}',
  'Reparación urgente de {machine} fuera de servicio',
  '{Machine}: arreglo de {component} por ruido anormal y vibración excesiva',
  'Atención de daño por corto circuito en {component} de {machine}',
  'Reparación de fisura en {component} de {machine}',
  'Desbloqueo y reparación de {component} atascado en {machine}',
  'Corrección de recalentamiento en {component} de {machine}',
  '{Machine} no enciende: diagnóstico y cambio de tarjeta quemada',
  'Reemplazo de {component} roto por accidente en {machine}',
  'Desvare de {machine} en turno nocturno',
  'Se atendió falla de {component} en {machine}; se cambió pieza averiada',
  'Servicio técnico correctivo a {machine} por daño en {component}',
  'Arreglo de {component} de {machine} que presentaba fuga',
  'Intervención por paro no programado de {machine}',
  'Reparación de {component} de {machine} después de avería',
];

/** Weak cues of the other class, mixed into an invoice now and then. */
const WEAK_PREVENTIVE_CUES = [
  'Inspección posterior a la reparación de {machine}',
  'Lubricación general después de la intervención',
  'Revisión de {component} y pruebas de funcionamiento',
  'Ajuste y calibración tras el cambio de piezas',
];
const WEAK_CORRECTIVE_CUES = [
  'Cambio de {component} por desgaste detectado en la inspección',
  'Ajuste y corrección menor de {component} encontrada en la rutina',
  'Reemplazo de correa con desgaste en {machine}',
  'Corrección de tensión de {component} durante la visita',
];

const GENERIC_LINES: {
  description: string;
  kind: LineDraft['kind'];
  unit: LineDraft['unit'];
  min: number;
  max: number;
}[] = [
  {
    description: 'Mano de obra técnico electromecánico',
    kind: 'labour',
    unit: 'hour',
    min: 45_000,
    max: 95_000,
  },
  { description: 'Mano de obra especializada', kind: 'labour', unit: 'hour', min: 60_000, max: 120_000 },
  { description: 'Horas de técnico en sitio', kind: 'labour', unit: 'hour', min: 50_000, max: 110_000 },
  {
    description: 'Transporte de personal y herramientas',
    kind: 'other',
    unit: 'trip',
    min: 80_000,
    max: 350_000,
  },
  {
    description: 'Insumos de limpieza y consumibles',
    kind: 'other',
    unit: 'global',
    min: 60_000,
    max: 250_000,
  },
  { description: 'Viáticos del técnico', kind: 'other', unit: 'global', min: 120_000, max: 600_000 },
  {
    description: 'Alquiler de equipo de izaje',
    kind: 'other',
    unit: 'service',
    min: 300_000,
    max: 1_500_000,
  },
  {
    description: 'Repuestos varios (tornillería, arandelas y terminales)',
    kind: 'part',
    unit: 'global',
    min: 50_000,
    max: 300_000,
  },
];

const FREQUENCIES = ['mensual', 'trimestral', 'semestral', 'anual', 'bimestral'];

function fill(rng: Random, template: string): string {
  const machine = rng.pick(MACHINES);
  return template
    .replace('{Machine}', machine.charAt(0).toUpperCase() + machine.slice(1))
    .replace('{machine}', machine)
    .replace('{component}', rng.pick(COMPONENTS))
    .replace('{freq}', rng.pick(FREQUENCIES))
    .replace(/\{hours\}/g, String(rng.pick([500, 1000, 2000, 4000, 8000])));
}

function priceIn(rng: Random, min: number, max: number): number {
  return Math.round(rng.int(min, max) / 100) * 100;
}

function serviceLine(rng: Random, template: string): LineDraft {
  const lumpSum = rng.chance(0.7);
  return {
    kind: 'service',
    description: fill(rng, template),
    unit: lumpSum ? 'service' : 'hour',
    quantity: lumpSum ? rng.pick([1, 1, 1, 2, 3]) : rng.int(2, 16),
    unitPrice: lumpSum ? priceIn(rng, 450_000, 6_500_000) : priceIn(rng, 55_000, 140_000),
  };
}

function partLine(rng: Random): LineDraft {
  const part = rng.pick(PARTS);
  const quantity =
    part.unit === 'gallon' || part.unit === 'kilo' ? rng.int(1, 12) : rng.pick([1, 1, 2, 2, 4, 6]);
  return {
    kind: 'part',
    description: part.description,
    unit: part.unit,
    quantity,
    unitPrice: priceIn(rng, part.min, part.max),
  };
}

function genericLine(rng: Random): LineDraft {
  const line = rng.pick(GENERIC_LINES);
  const quantity = line.unit === 'hour' ? rng.int(2, 24) : 1;
  return {
    kind: line.kind,
    description: line.description,
    unit: line.unit,
    quantity,
    unitPrice: priceIn(rng, line.min, line.max),
  };
}

/**
 * The lines of one invoice: at least one clear service line of its class (usually first), then parts,
 * labour and other generic lines, and with some probability one weak cue of the other class.
 */
export function draftLines(rng: Random, label: ClassLabel, count: number): LineDraft[] {
  const own = label === 'preventiva' ? PREVENTIVE_SERVICES : CORRECTIVE_SERVICES;
  const weakOther = label === 'preventiva' ? WEAK_CORRECTIVE_CUES : WEAK_PREVENTIVE_CUES;
  const lines: LineDraft[] = [serviceLine(rng, rng.pick(own))];
  const extraServices = count >= 6 ? rng.int(1, Math.max(1, Math.floor(count / 5))) : rng.chance(0.3) ? 1 : 0;
  for (let i = 0; i < extraServices && lines.length < count; i++) lines.push(serviceLine(rng, rng.pick(own)));
  if (count > 2 && rng.chance(0.35)) lines.push(serviceLine(rng, rng.pick(weakOther)));
  while (lines.length < count) lines.push(rng.chance(0.6) ? partLine(rng) : genericLine(rng));
  // The class cue is not always the first line.
  return rng.chance(0.75) ? lines.slice(0, count) : rng.shuffle(lines.slice(0, count));
}

const PREVENTIVE_REMARKS = [
  'Servicio correspondiente al plan de mantenimiento preventivo de {month}.',
  'Próxima visita programada dentro de {days} días según cronograma.',
  'Rutina ejecutada sin novedades; equipos operando dentro de parámetros.',
  'Se adjunta informe de inspección y lista de chequeo firmada.',
];
const CORRECTIVE_REMARKS = [
  'Servicio atendido por reporte de falla del cliente.',
  'El equipo quedó operando normalmente tras la reparación.',
  'Garantía de 90 días sobre la reparación realizada.',
  'Se recomienda reemplazar piezas con desgaste para evitar nuevas averías.',
];
const NEUTRAL_REMARKS = [
  'Favor consignar en la cuenta de ahorros Bancolombia No. {account}.',
  'Esta factura se asimila en todos sus efectos a una letra de cambio (Art. 774 del Código de Comercio).',
  'Servicio prestado en la planta del cliente.',
  'Precios sujetos a cambio sin previo aviso.',
  'No se aceptan devoluciones de repuestos eléctricos.',
];

/** Free-text remarks ("Observaciones"): sometimes a class cue, sometimes only payment boilerplate. */
export function draftRemarks(rng: Random, label: ClassLabel): string | null {
  if (rng.chance(0.25)) return null;
  const parts: string[] = [];
  if (rng.chance(0.6)) parts.push(rng.pick(label === 'preventiva' ? PREVENTIVE_REMARKS : CORRECTIVE_REMARKS));
  if (parts.length === 0 || rng.chance(0.5)) parts.push(rng.pick(NEUTRAL_REMARKS));
  return parts
    .join(' ')
    .replace('{month}', rng.pick(MONTHS))
    .replace('{days}', String(rng.pick([30, 60, 90])))
    .replace('{account}', `${rng.int(100, 999)}-${rng.int(100000, 999999)}-${rng.int(10, 99)}`);
}
