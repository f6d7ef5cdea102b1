import type { EvaluationMetrics } from './metrics.ts';
import type { TrainingReport } from './train-model.ts';

const percent = (value: number) => `${(value * 100).toFixed(2)} %`;

/** The training report as the CLI prints it (Spanish, for the people who run `facturas train`). */
export function formatTrainingReport(report: TrainingReport): string {
  const v = report.validation;
  const lines = [
    `Modelo ${report.modelVersion}`,
    `Facturas: ${report.samples.total} (correctivas ${report.samples.correctiva}, preventivas ${report.samples.preventiva}); entrenamiento ${report.samples.train}, validación ${report.samples.validation}`,
    `Entrenamiento: ${(report.trainingMs / 1000).toFixed(1)} s, mejor época ${report.bestEpoch} de ${report.history.length}`,
    `Temperatura de calibración: ${report.temperature.toFixed(3)}; umbral de revisión: ${report.threshold.toFixed(4)}`,
    '',
    ...formatMetrics(v),
  ];
  if (!report.targetsMet) {
    lines.push(
      '',
      `AVISO: para mantener los errores por debajo del objetivo el modelo envía a Revisión ${percent(v.abstentionRate)} de la validación (objetivo ≤ 3 %). Agregue facturas etiquetadas y vuelva a entrenar.`,
    );
  }
  return lines.join('\n');
}

export function formatMetrics(v: EvaluationMetrics): string[] {
  const row = (name: string, cells: (string | number)[]) =>
    [name.padEnd(22), ...cells.map((c) => String(c).padStart(15))].join('');
  return [
    `Validación (${v.samples} facturas)`,
    `  Exactitud: ${percent(v.accuracy)}   Exactitud sin las enviadas a revisión: ${percent(v.acceptedAccuracy)}`,
    `  Enviadas a Revisión: ${v.abstained} (${percent(v.abstentionRate)})   Errores no detectados: ${v.acceptedErrors} (${percent(v.errorRate)})`,
    '',
    '  Matriz de confusión (filas: real, columnas: predicha)',
    `  ${row('', ['correctiva', 'preventiva'])}`,
    `  ${row('correctiva', v.confusion[0] ?? [])}`,
    `  ${row('preventiva', v.confusion[1] ?? [])}`,
    '',
    `  ${row('', ['precisión', 'exhaustividad', 'facturas'])}`,
    ...['correctiva', 'preventiva'].map((name, c) => {
      const m = v.perClass[c] ?? { precision: 0, recall: 0, support: 0 };
      return `  ${row(name, [percent(m.precision), percent(m.recall), m.support])}`;
    }),
  ];
}
