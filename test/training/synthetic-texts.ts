import type { ClassCode } from '../../src/contract/result.ts';
import { createRandom } from '../../src/training/random.ts';
import type { TrainingSample } from '../../src/training/train-model.ts';

/**
 * Small invoice-like texts for unit tests, independent of the corpus generator: shared vocabulary (machines,
 * parts, labour) in both classes, a few class cues, and a share of ambiguous texts with no cue at all.
 */
const machines = ['telar', 'urdidora', 'compresor', 'caldera', 'tejedora circular', 'bomba', 'motor', 'rama'];
const parts = ['rodamiento', 'correa', 'filtro', 'sensor', 'contactor', 'lubricante', 'empaque', 'valvula'];
const shared = ['suministro', 'mano de obra', 'revisión', 'repuesto', 'servicio técnico', 'visita', 'ajuste'];
const correctiveCues = [
  'reparación',
  'falla',
  'avería',
  'cambio por daño',
  'emergencia',
  'parada no programada',
];
const preventiveCues = [
  'mantenimiento preventivo',
  'rutina',
  'programado',
  'inspección periódica',
  'plan anual',
];

export function syntheticSamples(count: number, seed: number, ambiguousShare = 0): TrainingSample[] {
  const random = createRandom(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const samples: TrainingSample[] = [];
  for (let i = 0; i < count; i++) {
    const label: ClassCode = random() < 0.5 ? 0 : 1;
    const cues = label === 0 ? correctiveCues : preventiveCues;
    const ambiguous = random() < ambiguousShare;
    const lines = [
      'FACTURA ELECTRÓNICA DE VENTA',
      `No. FE-${1000 + Math.floor(random() * 9000)}`,
      `NIT 900${Math.floor(random() * 1e6)}-${Math.floor(random() * 10)}`,
      `Fecha ${1 + Math.floor(random() * 28)}/0${1 + Math.floor(random() * 9)}/2026`,
    ];
    const items = 1 + Math.floor(random() * 4);
    for (let k = 0; k < items; k++) {
      const cue = ambiguous ? pick(shared) : random() < 0.85 ? pick(cues) : pick(shared);
      lines.push(
        `${cue} ${pick(machines)} ${pick(parts)} ${pick(shared)} $ ${Math.floor(random() * 1e6)},00`,
      );
    }
    lines.push(`TOTAL $ ${Math.floor(random() * 1e7)},00`);
    samples.push({ text: lines.join('\n'), label, source: 'synthetic' });
  }
  return samples;
}
