import fs from 'node:fs';
import path from 'node:path';

/** shared/ sits beside the repository (CI clones it elsewhere with a copy of shared/ next to it). */
export const REAL_INVOICES: string | null =
  [path.resolve('../shared/real-invoices/afip-ar'), '/work/shared/real-invoices/afip-ar'].find((dir) =>
    fs.existsSync(path.join(dir, 'truth.json')),
  ) ?? null;

if (!REAL_INVOICES)
  console.warn('[omitido] no se encontró shared/real-invoices/afip-ar: se omiten esas pruebas');
