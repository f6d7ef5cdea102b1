import type { GenericLineSpec, LineDraft, PartSpec } from '../services.ts';

/**
 * What parts and generic lines cost and in which unit, the same in every language: a language's vocabulary
 * (`services-<language>.ts`) names them, in this order, and the draws take the same numbers whatever the
 * language. Prices are COP.
 */
const PART_PRICES: readonly { unit: LineDraft['unit']; min: number; max: number }[] = [
  { unit: 'piece', min: 35_000, max: 60_000 }, // Rodamiento SKF 6205-2RS
  { unit: 'piece', min: 450_000, max: 900_000 }, // Rodamiento de rodillos esféricos 22215 E
  { unit: 'piece', min: 120_000, max: 260_000 }, // Correa dentada HTD 8M-1200
  { unit: 'piece', min: 30_000, max: 70_000 }, // Correa en V B-52
  { unit: 'piece', min: 180_000, max: 420_000 }, // Filtro de aire para compresor
  { unit: 'piece', min: 350_000, max: 800_000 }, // Filtro separador de aceite
  { unit: 'gallon', min: 90_000, max: 150_000 }, // Aceite hidráulico ISO VG 68
  { unit: 'kilo', min: 40_000, max: 80_000 }, // Grasa de litio EP2
  { unit: 'piece', min: 150_000, max: 380_000 }, // Sensor inductivo M18 PNP
  { unit: 'piece', min: 160_000, max: 450_000 }, // Contactor tripolar 40 A
  { unit: 'piece', min: 220_000, max: 600_000 }, // Válvula solenoide 1/2"
  { unit: 'piece', min: 180_000, max: 400_000 }, // Resistencia calefactora 2 kW
  { unit: 'piece', min: 250_000, max: 700_000 }, // Empaque de tapa de caldera
  { unit: 'box', min: 300_000, max: 900_000 }, // Agujas para tejedora circular (caja x 100)
  { unit: 'piece', min: 400_000, max: 1_200_000 }, // Pinza portatrama para telar
  { unit: 'piece', min: 80_000, max: 200_000 }, // Cuchilla de corte
  { unit: 'piece', min: 15_000, max: 40_000 }, // Guía hilo cerámica
  { unit: 'piece', min: 1_800_000, max: 3_500_000 }, // Motor eléctrico trifásico 5 HP
  { unit: 'piece', min: 3_000_000, max: 6_000_000 }, // Variador de frecuencia 7,5 kW
  { unit: 'piece', min: 1_200_000, max: 2_800_000 }, // Kit de mantenimiento compresor 8000 h
  { unit: 'piece', min: 80_000, max: 180_000 }, // Termopar tipo K
  { unit: 'piece', min: 60_000, max: 140_000 }, // Manómetro 0-160 psi
  { unit: 'piece', min: 18_000, max: 45_000 }, // Retenedor de aceite 45x62x8
  { unit: 'piece', min: 140_000, max: 320_000 }, // Piñón de transmisión Z-24
];

const GENERIC_LINE_PRICES: readonly {
  kind: LineDraft['kind'];
  unit: LineDraft['unit'];
  min: number;
  max: number;
}[] = [
  { kind: 'labour', unit: 'hour', min: 45_000, max: 95_000 }, // Mano de obra técnico electromecánico
  { kind: 'labour', unit: 'hour', min: 60_000, max: 120_000 }, // Mano de obra especializada
  { kind: 'labour', unit: 'hour', min: 50_000, max: 110_000 }, // Horas de técnico en sitio
  { kind: 'other', unit: 'trip', min: 80_000, max: 350_000 }, // Transporte de personal y herramientas
  { kind: 'other', unit: 'global', min: 60_000, max: 250_000 }, // Insumos de limpieza y consumibles
  { kind: 'other', unit: 'global', min: 120_000, max: 600_000 }, // Viáticos del técnico
  { kind: 'other', unit: 'service', min: 300_000, max: 1_500_000 }, // Alquiler de equipo de izaje
  { kind: 'part', unit: 'global', min: 50_000, max: 300_000 }, // Repuestos varios (tornillería, arandelas y terminales)
];

/** A language's part names, in `PART_PRICES` order, with their units and prices. */
export function partsNamed(names: readonly string[]): PartSpec[] {
  if (names.length !== PART_PRICES.length)
    throw new Error(`${names.length} part names for ${PART_PRICES.length} parts`);
  return PART_PRICES.map((price, i) => ({ description: names[i]!, ...price }));
}

/** A language's generic line names, in `GENERIC_LINE_PRICES` order, with their kinds, units and prices. */
export function genericLinesNamed(names: readonly string[]): GenericLineSpec[] {
  if (names.length !== GENERIC_LINE_PRICES.length)
    throw new Error(`${names.length} generic line names for ${GENERIC_LINE_PRICES.length} lines`);
  return GENERIC_LINE_PRICES.map((price, i) => ({ description: names[i]!, ...price }));
}
