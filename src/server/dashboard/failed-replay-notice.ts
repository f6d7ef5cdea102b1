import type { ReplaySummary } from '../../processor/replay.ts';

/** What a "Reprocesar" from the dashboard did, in one Spanish sentence per kind of result. */

export interface ReplayNoticeExtras {
  /** File names by id, to name the files that were not found. */
  names: ReadonlyMap<string, string>;
  /** Posted files that had no error any more (another run settled them): not replayed. */
  notFailed: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const RAN: [kind: keyof ReplaySummary['outcomes'], one: string, many: string][] = [
  ['processed', 'procesada', 'procesadas'],
  ['review', 'en Revisión', 'en Revisión'],
  ['quarantined', 'en Cuarentena', 'en Cuarentena'],
  ['failed', 'sigue con error', 'siguen con error'],
];

export function replayNotice(summary: ReplaySummary | null, extras: ReplayNoticeExtras): string {
  const parts: string[] = [];
  if (summary && summary.published > 0) {
    parts.push(
      `${plural(summary.published, 'archivo enviado', 'archivos enviados')} a procesar de nuevo por Pub/Sub; el resultado aparecerá aquí cuando termine${summary.published === 1 ? '' : 'n'}.`,
    );
  }
  if (summary) {
    const ran = RAN.filter(([kind]) => summary.outcomes[kind] > 0).map(([kind, one, many]) =>
      plural(summary.outcomes[kind], one, many),
    );
    const humanDecided = summary.files.filter((f) => f.code === 'human_decision').length;
    const unchanged = summary.outcomes.skipped - humanDecided;
    if (unchanged > 0)
      ran.push(
        `${plural(unchanged, 'sin cambios', 'sin cambios')} (ya tenía resultado o se está procesando)`,
      );
    if (ran.length > 0) parts.push(`Reprocesados aquí: ${ran.join(', ')}.`);
    if (humanDecided > 0)
      parts.push(
        `${plural(humanDecided, 'archivo no se reprocesó', 'archivos no se reprocesaron')}: una persona ya lo decidió en Revisión.`,
      );
    if (summary.notFound.length > 0) {
      const names = summary.notFound.slice(0, 5).map((id) => extras.names.get(id) ?? id);
      const rest =
        summary.notFound.length > names.length ? ` y ${summary.notFound.length - names.length} más` : '';
      parts.push(
        `${plural(summary.notFound.length, 'archivo ya no está', 'archivos ya no están')} en la bandeja ni en sus carpetas: ${names.join(', ')}${rest}.`,
      );
    }
  }
  if (extras.notFailed > 0)
    parts.push(`${plural(extras.notFailed, 'archivo ya no tenía', 'archivos ya no tenían')} error.`);
  return parts.length > 0 ? parts.join(' ') : 'No había archivos con error que reprocesar.';
}
